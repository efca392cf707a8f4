using System.Text.RegularExpressions;
using PanicLens.Text;

namespace PanicLens.Core.Tests.Text;

public sealed class ShortTextRegexTests
{
    [Theory]
    [InlineData(@"BUG: KASAN: (?<kind>[a-z\-]+) in ([A-Za-z0-9_]+)(?:\.|\+)", "BUG: KASAN: use-after-free in tcp_v4_rcv+0x1/0x2")]
    [InlineData(@"^ *(?:\[<?(?:0x)?[0-9a-f]*>?\] +){0,2}\.?([A-Za-z0-9_]+)(?:\.|\+)", " [<ffffffff81000000>] ? foo.isra.0+0x1/0x2")]
    [InlineData(@"WARNING: .*(?:[A-Za-z0-9_\-]+/)*[A-Za-z0-9_\-]+\.(?:c|h|rs|S):[0-9]+", "WARNING: CPU: 0 PID: 1 at net/core/dev.c:123 f+0x1/0x2")]
    [InlineData(@"^(?:__)?kmalloc|kfree\z", "kmalloc_node")]
    [InlineData(@"^(?:__)?kmalloc|kfree\z", "tcp_v4_rcv")]
    public void Answers_as_the_linear_engine_does(string pattern, string text)
    {
        var regex = new ShortTextRegex(pattern);
        var fast = regex.Match(text);
        var linear = regex.Linear.Match(text);
        Assert.Equal(linear.Success, fast.Success);
        Assert.Equal(linear.Value, fast.Value);
        foreach (var name in regex.GetGroupNames())
            Assert.Equal(linear.Groups[name].Value, fast.Groups[name].Value);
    }

    [Fact]
    public void A_pattern_that_backtracks_too_long_gets_the_linear_answer_and_then_stays_linear()
    {
        // Nested quantifiers on a run of `a` with no `b`: exponential for a backtracking engine.
        var regex = new ShortTextRegex("(a+)+b");
        var hostile = new string('a', 64);
        for (var i = 0; i < ShortTextRegex.MaxTimeouts; i++)
        {
            Assert.False(regex.LinearOnly);
            Assert.False(regex.IsMatch(hostile));
        }
        Assert.True(regex.LinearOnly);
        Assert.False(regex.Match(hostile).Success);
        Assert.True(regex.Match(hostile + "b").Success);
    }

    [Fact]
    public void A_single_time_out_is_tried_again_on_the_interpreter_and_never_counts()
    {
        // A busy machine: the thread was descheduled mid-match, so the interpreter's budget ran out on benign text.
        var regex = new ShortTextRegex(@"BUG: (?<kind>[a-z]+)");
        for (var i = 0; i < 2 * ShortTextRegex.MaxTimeouts; i++)
        {
            var stalls = 1;
            var answer = regex.Run("BUG: soft lockup", useLinear: false, (r, t) =>
            {
                Assert.NotEqual(Timeout.InfiniteTimeSpan, r.MatchTimeout);
                if (stalls-- > 0)
                    throw new RegexMatchTimeoutException(t, r.ToString(), r.MatchTimeout);
                return r.Match(t).Groups["kind"].Value;
            });
            Assert.Equal("soft", answer);
        }
        Assert.False(regex.LinearOnly);
        Assert.False(regex.LinearBuilt);
    }

    [Fact]
    public void Two_time_outs_in_a_row_count_and_get_the_linear_answer()
    {
        var regex = new ShortTextRegex(@"BUG: (?<kind>[a-z]+)");
        var interpreterRuns = 0;
        for (var i = 0; i < ShortTextRegex.MaxTimeouts; i++)
        {
            Assert.False(regex.LinearOnly);
            var answer = regex.Run("BUG: soft lockup", useLinear: false, (r, t) =>
            {
                if (r.MatchTimeout != Timeout.InfiniteTimeSpan)
                {
                    interpreterRuns++;
                    throw new RegexMatchTimeoutException(t, r.ToString(), r.MatchTimeout);
                }
                return r.Match(t).Groups["kind"].Value;
            });
            Assert.Equal("soft", answer);
        }
        Assert.Equal(2 * ShortTextRegex.MaxTimeouts, interpreterRuns);
        Assert.True(regex.LinearOnly);
    }

    [Fact]
    public void A_line_test_pattern_builds_its_automaton_only_after_many_tests()
    {
        var regex = new ShortTextRegex(@"(?:^|[^k]) backtrace:", linearTests: true);
        for (var i = 1; i < ShortTextRegex.LinearTestsAfter; i++)
            Assert.Equal(i % 2 == 0, regex.IsMatch(i % 2 == 0 ? "x backtrace: " + i : "kbacktrace: " + i));
        Assert.False(regex.LinearBuilt);
        Assert.True(regex.IsMatch(" backtrace:"));
        Assert.False(regex.IsMatch("kbacktrace:"));
        Assert.True(regex.LinearBuilt);
    }
}
