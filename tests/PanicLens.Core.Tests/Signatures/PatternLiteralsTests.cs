using PanicLens.Signatures;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>The literal prefilters in front of the title and stack regexes must never reject a line the regex matches.</summary>
public sealed class PatternLiteralsTests
{
    [Theory]
    [InlineData(@"WARNING: .*lib/refcount\.c", "WARNING: |lib/refcount.c")]
    [InlineData(@"BUG: KASAN: (?<kind>[a-z\-]+) in ([A-Za-z0-9_]+)(?:\.|\+)", "BUG: KASAN: | in ")]
    [InlineData(@"\[ INFO: possible circular locking dependency detected \]", "[ INFO: possible circular locking dependency detected ]")]
    [InlineData(@"BUG:[ \t]*\z", "BUG:")]
    [InlineData(@"ab?cd", "cd")]
    [InlineData(@"abc*de", "ab|de")]
    [InlineData(@"xy{0,2}zz", "zz")]
    [InlineData(@"xy+zz", "xy|zz")]
    [InlineData(@"foo\d+bar", "foo|bar")]
    [InlineData(@"[a]]x|y", "")]
    [InlineData(@"(?:a|b)|lone literal", "")]
    [InlineData(@"^task (?<comm>.+) blocked$", "task | blocked")]
    public void Required_literals_are_the_top_level_text_no_quantifier_can_drop(string pattern, string expected)
    {
        var required = string.Join("|", PatternLiterals.Required(pattern));
        Assert.Equal(expected, required);
    }

    [Fact]
    public void A_leading_group_of_words_gives_each_word_as_a_leading_literal()
    {
        Assert.Equal(["IP", "NIP", "pc ", "--- interrupt: "], PatternLiterals.Leading(@"(?:IP|NIP|pc ):? foo|--- interrupt: [0-9]+") ?? []);
        Assert.Null(PatternLiterals.Leading(@"(?:IP|NIP)? foo"));
        Assert.Null(PatternLiterals.Leading(@"(?:I.P|NIP) foo"));
    }
}
