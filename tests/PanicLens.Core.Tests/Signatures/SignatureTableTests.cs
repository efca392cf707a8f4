using System.Text.RegularExpressions;
using PanicLens.Detection;
using PanicLens.Signatures;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>Every table loads: patterns compile, template slots have captures, literals are unique.</summary>
public sealed partial class SignatureTableTests
{
    public static IEnumerable<object[]> Formats() => TitleFormats.All().Select(f => new object[] { f.Title });

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_compiles_and_fills_every_slot_of_its_templates(string title)
    {
        var format = TitleFormats.All().First(f => f.Title == title);
        var names = new HashSet<string>(format.TitleRegex.GetGroupNames());
        if (format.ReportRegex is { } report)
            names.UnionWith(report.GetGroupNames());
        foreach (var template in format.Alts.Append(format.Template))
            foreach (Match slot in Slot().Matches(template))
            {
                var name = slot.Groups[1].Value;
                if (name is "frame" or "frame2")
                    Assert.True(format.Stack is not null, $"{title}: '{template}' names {{{name}}} but has no stack spec");
                else
                    Assert.True(names.Contains(name), $"{title}: '{template}' names {{{name}}}, which no pattern captures");
            }
        // The linear engine stands behind every pattern (ShortTextRegex), so each must build there too.
        Assert.NotNull(format.TitleRegex.Linear);
        Assert.NotNull(format.ReportRegex?.Linear ?? format.TitleRegex.Linear);
        if (format.Stack is { } stack)
        {
            Assert.NotNull(stack.SkipMatcher);
            Assert.All(stack.Parts.Concat(stack.AltParts ?? []), p => Assert.True(p.Regex is null || p.Regex.Linear is not null));
            Assert.All(stack.Skip, pattern => Assert.NotNull(new PanicLens.Text.ShortTextRegex(pattern).Linear));
            Assert.All(stack.Parts, p => Assert.True(p.Kind == StackPartKind.Trace || p.Regex is not null));
        }
        if (format.Needle.Length > 0)
            Assert.StartsWith(format.Needle, format.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_anchor_and_header_tables_load()
    {
        Assert.False(FrameSkips.Build([]).IsMatch("tcp_v4_rcv"));
        Assert.True(FrameSkips.Build([]).IsMatch("kasan_report"));
        Assert.True(StallAnchors.Matcher.IsMatch("process_one_work"));
        Assert.All(CrashHeaders.All, h => Assert.False(string.IsNullOrWhiteSpace(h.Why), h.Literal + " has no why"));
        Assert.Equal(CrashHeaders.All.Length, CrashHeaders.All.Select(h => h.Literal).Distinct().Count());
        Assert.All(CrashTypes.All, t => Assert.False(string.IsNullOrEmpty(t.Prefix)));
    }

    [Theory]
    [InlineData("BUG: soft lockup in foo+0x12/0x40", "BUG: soft lockup in foo")]
    [InlineData("INFO: task syz-executor.3:12345 blocked", "INFO: task syz-executor blocked")]
    [InlineData("unregister_netdevice: waiting for lo to become free. Usage count = 2", "unregister_netdevice: waiting for lo to become free. Usage count = NUM")]
    [InlineData("general protection fault at ffffffff81234567 on 10.0.0.1", "general protection fault at ADDR on IP")]
    [InlineData("WARNING in foo\tat mm/slub.c:123", "WARNING in foo at mm/slub.c:LINE")]
    public void Titles_are_normalised_to_compare_across_runs(string raw, string normal)
    {
        Assert.Equal(normal, TitleNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("_Z8fakeNameiii", "fakeName")]
    [InlineData("_ZN6kernel4sync6ArcInnE", "kernel::sync::ArcInn")]
    [InlineData("_RNvMs3_NtCshgDM7dBCdno_11rust_binder7processNtB5_7Process10update_ref", "<rust_binder::process::Process>::update_ref")]
    [InlineData("tcp_v4_rcv", "tcp_v4_rcv")]
    [InlineData("_Rgarbage", "_Rgarbage")]
    [InlineData("_Z999x", "_Z999x")]
    public void Mangled_names_read_as_paths_and_bad_ones_come_back_unchanged(string mangled, string path)
    {
        Assert.Equal(path, Demangler.Demangle(mangled));
    }

    [GeneratedRegex(@"\{([A-Za-z0-9]+)\}")]
    private static partial Regex Slot();
}
