using System.Buffers;
using PanicLens.Detection;
using PanicLens.Text;
using Xunit;

namespace PanicLens.Core.Tests.Text;

public class LiteralSetTests
{
    [Theory]
    [InlineData("BUG: unable to handle", true)]
    [InlineData("[  12.3] kernel BUG at mm/slub.c:42", true)]
    [InlineData("BUG:", false)]
    [InlineData("BU", false)]
    [InlineData("", false)]
    [InlineData("a debug message", false)]
    [InlineData("ends with Oops", true)]
    [InlineData("Oop", false)]
    public void Finds_a_literal_anywhere_on_the_line(string text, bool found) =>
        Assert.Equal(found, new LiteralSet(["BUG: ", "kernel BUG at", "Oops"]).FoundIn(text));

    [Theory]
    [InlineData("abc", false)]
    [InlineData("x#", true)]
    [InlineData("#", true)]
    [InlineData("a#b", true)]
    [InlineData("azz", true)]
    public void One_character_literals_are_found_at_every_position_including_the_last(string text, bool found) =>
        Assert.Equal(found, new LiteralSet(["#", "zz"]).FoundIn(text));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    public void An_empty_literal_is_found_in_every_text_as_SearchValues_finds_it(string text) =>
        Assert.Equal(text.AsSpan().IndexOfAny(SearchValues.Create([""], StringComparison.Ordinal)) >= 0, new LiteralSet(["", "zz"]).FoundIn(text));

    [Fact]
    public void Characters_beyond_latin1_that_share_a_low_byte_do_not_match()
    {
        // U+0142 has the low byte of 'B' (0x42): the pair table lets it through, the comparison does not.
        Assert.False(new LiteralSet(["BUG: "]).FoundIn("\u0142UG: x"));
        Assert.True(new LiteralSet(["\u0142UG"]).FoundIn("x \u0142UG"));
    }

    [Fact]
    public void Agrees_with_an_ordinal_search_for_the_header_literals_on_varied_lines()
    {
        var literals = CrashHeaders.All.Select(h => h.Literal).Distinct().ToArray();
        var set = new LiteralSet(literals);
        var reference = SearchValues.Create(literals, StringComparison.Ordinal);
        var random = new Random(11);
        var alphabet = "BUG: WARNING Oops kernel panic INFO task Unable handle [ ] cut here general protection\u00e9\u0142abc0123 \t";
        for (var n = 0; n < 5000; n++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = alphabet[random.Next(alphabet.Length)];
            var line = new string(chars);
            if (n % 3 == 0)
                line = line.Insert(random.Next(line.Length + 1), literals[random.Next(literals.Length)]);
            Assert.Equal(line.AsSpan().IndexOfAny(reference) >= 0, set.FoundIn(line));
        }
    }
}
