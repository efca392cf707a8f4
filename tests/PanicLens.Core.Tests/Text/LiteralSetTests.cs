using PanicLens.Detection;
using PanicLens.Text;

namespace PanicLens.Core.Tests.Text;

public sealed class LiteralSetTests
{
    private static ulong Naive(IReadOnlyList<string> literals, string text)
    {
        ulong found = 0;
        for (var i = 0; i < literals.Count; i++)
            if (text.Contains(literals[i], StringComparison.Ordinal))
                found |= 1UL << i;
        return found;
    }

    [Theory]
    [InlineData("BUG: unable to handle kernel paging request", "BUG: |handle|paging")]
    [InlineData("xxBUG", "BUG")]
    [InlineData("BU", "BUG")]
    [InlineData("", "ab")]
    [InlineData("ababab", "ab|ba|abab")]
    [InlineData("\u0142ab \u0100\u0142", "\u0100\u0142|ab")]
    public void Finds_exactly_the_literals_a_substring_search_finds(string text, string literals)
    {
        var list = literals.Split('|');
        var set = new LiteralSet(list);
        Assert.Equal(Naive(list, text), set.Find(text));
        Assert.Equal(Naive(list, text) != 0, set.Any(text));
    }

    [Fact]
    public void Agrees_with_a_substring_search_on_random_text_over_the_header_literals()
    {
        var literals = Array.ConvertAll(CrashHeaders.All, h => h.Literal);
        var set = new LiteralSet(literals);
        var random = new Random(7);
        const string alphabet = "BUG: INFO WARNING Oops kernel panic - not syncing [ ]#:abc\u00e9";
        for (var n = 0; n < 20000; n++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            if (random.Next(4) == 0)
                text = text.Insert(random.Next(text.Length + 1), literals[random.Next(literals.Length)]);
            Assert.Equal(Naive(literals, text), set.Find(text));
        }
    }

    [Fact]
    public void Refuses_more_than_64_literals_and_single_characters()
    {
        Assert.Throws<ArgumentException>(() => new LiteralSet(Enumerable.Range(0, 65).Select(i => "x" + i).ToArray()));
        Assert.Throws<ArgumentException>(() => new LiteralSet(["a"]));
    }
}
