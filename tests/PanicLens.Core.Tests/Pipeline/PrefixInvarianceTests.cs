using System.Text;
using System.Text.Json;
using PanicLens.Knowledge;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Pipeline;

/// <summary>
/// The same console text captured by different collectors must give the same reports and the same diagnosis:
/// the seed log is re-wrapped in each prefix style and compared with the original, field by field.
/// </summary>
public sealed class PrefixInvarianceTests
{
    private static readonly string[] SeedBodies = File.ReadAllLines(RepoPaths.Example("xen-dom0-inet-diag.log"))
        .Select(l => l[(l.IndexOf('\t') + 1)..]).ToArray();

    public static TheoryData<string> Styles() => new() { "date-tab", "syslog", "journal-iso", "dmesg", "dmesg-T", "kmsg", "crlf-ansi" };

    private static string Wrap(string style, string body, int i) => style switch
    {
        "date-tab" => $"2017-01-14 01:04:{i % 60:D2}\t{body}",
        "syslog" => $"Jan 14 01:04:{i % 60:D2} dom0-17 kernel: [8123.{i:D6}] {body}",
        "journal-iso" => $"2017-01-14T01:04:{i % 60:D2}+0800 dom0-17 kernel: {body}",
        "dmesg" => $"[ 8123.{i:D6}] {body}",
        "dmesg-T" => $"[Sat Jan 14 01:04:{i % 60:D2} 2017] {body}",
        "kmsg" => $"4,{i},8123{i:D6},-;{body}",
        "crlf-ansi" => $"\u001b[0m{body}\r",
        _ => throw new ArgumentOutOfRangeException(nameof(style)),
    };

    private static List<CrashReport> Analyze(string text) =>
        new ReportPipeline(KnowledgeLoader.Load()).Analyze(new MemoryStream(Encoding.Latin1.GetBytes(text)), "seed").ToList();

    [Theory]
    [MemberData(nameof(Styles))]
    public void The_seed_reads_the_same_whatever_the_collector_prefixed(string style)
    {
        var plain = Analyze(string.Join("\n", SeedBodies) + "\n");
        var wrapped = Analyze(string.Join("\n", SeedBodies.Select((b, i) => Wrap(style, b, i))) + "\n");
        var want = Assert.Single(plain);
        var got = Assert.Single(wrapped);
        Assert.Equal(want.Title, got.Title);
        Assert.Equal(want.Type, got.Type);
        Assert.Equal(want.Function, got.Function);
        Assert.Equal(want.Module, got.Module);
        Assert.Equal(want.Process, got.Process);
        Assert.Equal(want.Kernel, got.Kernel);
        Assert.Equal(want.Taint, got.Taint);
        Assert.Equal(want.Hardware, got.Hardware);
        Assert.Equal(want.FaultAddress, got.FaultAddress);
        Assert.Equal(want.Panic, got.Panic);
        Assert.Equal(want.Hypervisor, got.Hypervisor);
        Assert.Equal(want.Frames.Select(f => f.Function), got.Frames.Select(f => f.Function));
        Assert.Equal(want.StartLine, got.StartLine);
        Assert.Equal(want.EndLine, got.EndLine);
        Assert.Equal(JsonSerializer.Serialize(want.Diagnosis), JsonSerializer.Serialize(got.Diagnosis));
        Assert.Equal("ipv6_addr_copy", got.Function);
    }
}
