using System.Text.Json;
using PanicLens.Analysis;
using PanicLens.Ingest;
using PanicLens.Knowledge;
using PanicLens.Model;
using PanicLens.Parsing;
using Xunit.Abstractions;

namespace PanicLens.Core.Tests.Analysis;

/// <summary>The seed log read and parsed by the real pipeline, then diagnosed.</summary>
public sealed class SeedLogTests(ITestOutputHelper log)
{
    internal static CrashReport ParseWhole(string path)
    {
        using var stream = File.OpenRead(path);
        var lines = LineReader.Read(stream).ToList();
        // Corpus files open with `TITLE:`-style headers and a blank line; the log starts after them.
        var start = 1;
        if (lines.Count > 0 && lines[0].Text.Contains(':', StringComparison.Ordinal) && lines[0].Text.Split(':')[0].All(char.IsAsciiLetterUpper))
            start = lines.FirstOrDefault(l => l.Text.Trim().Length == 0)?.Number + 1 ?? 1;
        return ReportParser.Parse(path, lines, start, lines[^1].Number);
    }

    [Fact]
    public void Seed_log_end_to_end_gives_the_expected_diagnosis()
    {
        var report = ParseWhole(RepoPaths.Example("xen-dom0-inet-diag.log"));

        var diagnosis = new Diagnoser(KnowledgeLoader.Load()).Diagnose(report);
        log.WriteLine(JsonSerializer.Serialize(diagnosis, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));

        Assert.Equal("mov rax,qword ptr [rsi]", diagnosis.Instruction?.Text);
        Assert.Equal("rsi", diagnosis.BadRegister);
        Assert.Equal("direct-map", diagnosis.Address?.Class);
        Assert.Contains("use-after-free suspected", diagnosis.Address!.Explanation);
        Assert.False(diagnosis.ErrorCode!.Present);
        Assert.Equal(["hotfix_info"], diagnosis.Taint.Single(t => t.Letter == "P").Modules);
        Assert.Equal("Fatal exception in interrupt", diagnosis.Panic?.Reason);
        Assert.Contains("power-cycles", diagnosis.Hypervisor?.Outcome);
        Assert.Contains("sys_sendmsg → netlink_sendmsg → inet_diag_rcv_msg → netlink_dump → inet_diag_dump", diagnosis.Trigger);
        Assert.Equal("inet-diag-ipv4-synrecv-on-ipv6-listener", diagnosis.KnownIssues[0].Id);
        Assert.False(diagnosis.Mitigations[0].RebootRequired);
    }
}
