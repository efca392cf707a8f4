using PanicLens.Knowledge;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Knowledge;

/// <summary>How one entry's conditions decide a match, through entries read from YAML like any other.</summary>
public sealed class IssueMatcherTests
{
    private static KnownIssue Entry(string match, string? boost = null)
    {
        var errors = new List<KnowledgeError>();
        var text = $"""
            id: test-entry
            title: t
            summary: s
            match:
            {Indent(match)}
            {(boost is null ? "" : "boost:\n" + Indent(boost))}
            references:
              - url: https://example.org/
            tests:
              matches: [{"{"}function: x{"}"}]
              nearMisses: [{"{"}function: y, why: w{"}"}]
            """;
        var issue = KnownIssueReader.Read(text, "test.yaml", errors);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        return issue!;
    }

    private static string Indent(string block) => string.Join("\n", block.Split('\n').Select(l => "  " + l));

    private static CrashReport Report(string? function = null, string? kernel = null, string? comm = null, params string[] lines)
    {
        var report = new CrashReport { Source = "t", StartLine = 1, EndLine = 1, Lines = lines.Select((l, i) => new LogLine(i + 1, l, null, null)).ToList() };
        report.Function = function;
        report.Kernel = kernel;
        if (comm is not null)
            report.Process = new ProcessInfo(comm, 1);
        return report;
    }

    [Fact]
    public void Compiler_suffixes_on_the_faulting_function_are_ignored() =>
        Assert.NotNull(IssueMatcher.Match(Entry("functions: [tcp_fragment]"), Report("tcp_fragment.constprop.0")));

    [Fact]
    public void A_kernel_outside_every_range_excludes_the_entry_and_an_unknown_kernel_does_not()
    {
        var issue = Entry("functions: [f]\nkernel: [\"< 3.8\"]");
        Assert.Null(IssueMatcher.Match(issue, Report("f", "3.10.0-957.el7.x86_64")));
        var unknown = IssueMatcher.Match(issue, Report("f", null));
        Assert.NotNull(unknown);
        Assert.False(unknown.KernelInRange);
        Assert.Contains(unknown.Reasons, r => r.Contains("not checked", StringComparison.Ordinal));
        var inRange = IssueMatcher.Match(issue, Report("f", "2.6.32.36-xen"))!;
        Assert.True(inRange.KernelInRange);
        Assert.True(inRange.Score > unknown.Score);
    }

    [Fact]
    public void Boosts_add_strength_but_are_never_required()
    {
        var issue = Entry("functions: [f]", "comms: [\"kworker/*\"]");
        var plain = IssueMatcher.Match(issue, Report("f", comm: "bash"))!;
        var boosted = IssueMatcher.Match(issue, Report("f", comm: "kworker/0:1"))!;
        Assert.True(boosted.Score > plain.Score);
    }

    [Fact]
    public void Text_patterns_also_see_hypervisor_lines_kept_apart_by_the_parser()
    {
        var issue = Entry("text: '^\\(XEN\\) Domain 0 crashed'");
        var report = Report(lines: "Kernel panic - not syncing: Fatal exception");
        Assert.Null(IssueMatcher.Match(issue, report));
        report.Hypervisor.Add("(XEN) Domain 0 crashed: 'noreboot' set - not rebooting.");
        Assert.NotNull(IssueMatcher.Match(issue, report));
    }

    [Fact]
    public void Every_required_frame_must_be_in_the_trace()
    {
        var issue = Entry("frames: [a, b]");
        var report = Report();
        report.Stacks.Add(new CallTrace(StackKind.Task, [new Frame("a", null, null, null, true)]));
        Assert.Null(IssueMatcher.Match(issue, report));
        report.Stacks.Add(new CallTrace(StackKind.Irq, [new Frame("b.isra.1", null, null, null, false)]));
        Assert.NotNull(IssueMatcher.Match(issue, report));
    }

    [Fact]
    public void Patterns_from_data_run_in_linear_time_on_hostile_lines()
    {
        // Nested quantifiers: exponential on a backtracking engine. The interpreter gives up within its budget and
        // the linear engine answers; after a few such lines the pattern only runs on the linear engine.
        var issue = Entry("text: '(a+)+$'");
        var hostile = new string('a', 50_000) + "!";
        for (var i = 0; i < PanicLens.Text.ShortTextRegex.MaxTimeouts; i++)
            Assert.Null(IssueMatcher.Match(issue, Report(lines: hostile)));
        Assert.True(issue.Match.Text!.LinearOnly);
        Assert.NotNull(IssueMatcher.Match(issue, Report(lines: new string('a', 50_000))));
    }
}
