using PanicLens.Ingest;
using PanicLens.Model;
using PanicLens.Parsing;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// Foreign output printed between two frame lines of the seed's traces, at every position: a getty greeting on the
/// serial console, a user-space syslog line, a shell prompt. The frames read must be the frames of the original.
/// </summary>
public sealed class ForeignLinesInTraceTests
{
    private static readonly string[] Seed = File.ReadAllLines(RepoPaths.Example("xen-dom0-inet-diag.log"));

    public static TheoryData<string, string[]> Intrusions() => new()
    {
        { "getty greeting", ["", "CentOS release 6.5 (Final)", "Kernel 2.6.32.36-xen on an x86_64", "", "xenhost login: "] },
        { "stamped blank", ["2017-01-14 01:04:27\t"] },
        { "user-space syslog", ["Jan 14 01:04:27 xenhost ntpd[1234]: kernel reports TIME_ERROR: 0x41: Clock Unsynchronized"] },
        { "shell prompt", ["[root@xenhost ~]# "] },
    };

    [Theory]
    [MemberData(nameof(Intrusions))]
    public void Frames_survive_foreign_lines_between_any_two_of_them(string kind, string[] intrusion)
    {
        var original = Frames(Seed);
        var frameLines = Enumerable.Range(0, Seed.Length).Where(i => FrameParser.TryParseFrame(Strip(Seed[i]), out _)).ToList();
        Assert.True(frameLines.Count > 50, "the seed has two long traces");
        foreach (var at in frameLines.Skip(1))
        {
            var lines = Seed.Take(at).Concat(intrusion).Concat(Seed.Skip(at)).ToArray();
            var got = Frames(lines);
            Assert.True(original.SequenceEqual(got), $"{kind} before line {at + 1}: {got.Count} frames, want {original.Count}");
        }
    }

    private static string Strip(string raw) => LineReader.Read(raw + "\n").Single().Text;

    private static List<string> Frames(string[] lines)
    {
        var read = LineReader.Read(string.Join("\n", lines) + "\n").ToList();
        var report = ReportParser.Parse("seed", read, 1, read[^1].Number);
        return report.Stacks.SelectMany(s => s.Frames).Select(f => f.Function + (f.Reliable ? "" : "?")).ToList();
    }
}
