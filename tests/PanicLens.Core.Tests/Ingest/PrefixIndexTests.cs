using PanicLens.Core.Tests.Metamorphic;
using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Ingest;

/// <summary>
/// The first-char index of <see cref="PrefixForms"/> is only a shortcut: stripping with it must give what trying every
/// row gives, on every line of the corpus and on every line of every prefix style.
/// </summary>
public sealed class PrefixIndexTests
{
    [Fact]
    public void Stripping_with_the_index_gives_what_every_row_gives()
    {
        var lines = new List<string>();
        foreach (var log in CorpusLog.All)
        {
            var facts = LineFacts.Of(log);
            lines.AddRange(facts.Select(f => f.Raw));
            foreach (var style in PrefixStyles.All)
                lines.AddRange(facts.Take(40).Select((f, i) => style.Render(f, i)));
        }
        var differ = new List<string>();
        foreach (var line in lines)
        {
            var indexed = new Prefix();
            var every = new Prefix();
            var got = PrefixStripper.Strip(line, ref indexed);
            var want = StripTryingEveryRow(line, ref every);
            if (got != want || indexed.Uptime != every.Uptime || indexed.Context != every.Context
                || indexed.Timestamp != every.Timestamp || indexed.Origin != every.Origin)
                differ.Add($"{line}: index {got}, every row {want}");
        }
        Assert.True(differ.Count == 0, $"{differ.Count} of {lines.Count} lines strip differently, e.g. " + string.Join(" / ", differ.Take(3)));
    }

    [Fact]
    public void Every_row_declares_its_first_chars_and_its_example_starts_with_one()
    {
        foreach (var form in PrefixForms.All)
            if (form.Starts is { } starts)
                Assert.True(starts.Contains(form.Example[0], StringComparison.Ordinal), $"{form.Name}: '{form.Example[0]}' not in '{starts}'");
    }

    /// <summary>The stripper's loop without the index: every row in table order, outer rows only before any other.</summary>
    private static int StripTryingEveryRow(string raw, ref Prefix prefix)
    {
        var start = 0;
        var outer = true;
        for (var round = 0; round < 8; round++)
        {
            var consumed = 0;
            foreach (var form in PrefixForms.All)
            {
                if (form.Outer && !outer)
                    continue;
                consumed = form.Match(raw.AsSpan(start), ref prefix);
                if (consumed > 0)
                {
                    outer &= form.Outer;
                    break;
                }
            }
            if (consumed == 0)
                break;
            start += consumed;
        }
        return start;
    }
}
