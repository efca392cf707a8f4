using System.Text.RegularExpressions;
using PanicLens.Cli.Localization;
using PanicLens.Localization;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>
/// `check` on every fixture host and `exposure` over their documents, under `--lang zh-CN`: no phrase of an English
/// evidence sentence (Sentences `evidence.*`) or of the fleet view (Words `fleet.*`) is left in the output.
/// </summary>
public sealed partial class CheckLanguageTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("paniclens-fleet-zh-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Slot();

    private static readonly string[] Hosts = ["seed-xen-dom0", "rhel7-kdump", "rhel9-notloaded", "ubuntu2204-nokdump"];

    /// <summary>The phrases (two words or more) between the slots of the English values whose key starts with a prefix.</summary>
    private static List<(string Key, string Phrase)> Phrases(ResourceText text, string prefix) =>
        text.Entries(UiLanguage.English).Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal))
            .SelectMany(e => Slot().Split(e.Value).Select(f => (e.Key, Phrase: f.Trim(' ', '.', ':', ';', ',', '(', ')'))))
            .Where(f => f.Phrase.Count(char.IsAsciiLetter) >= 4 && f.Phrase.Contains(' ', StringComparison.Ordinal))
            .ToList();

    private static void AssertNoEnglish(string output, IEnumerable<(string Key, string Phrase)> phrases)
    {
        var left = phrases.Where(p => output.Contains(p.Phrase, StringComparison.Ordinal)).Select(p => $"{p.Key}: '{p.Phrase}'").Distinct().ToList();
        Assert.True(left.Count == 0, "English left in the Chinese output:\n" + string.Join("\n", left) + "\n" + output);
    }

    [Fact]
    public void Check_evidence_sentences_are_chinese_under_zh_CN()
    {
        // "not found" is also a file's problem as the tree reports it (a raw fact, like an errno text), so it is left out.
        var phrases = Phrases(PanicLens.Localization.Sentences.Text, "evidence.").Where(p => p.Phrase != PanicLens.Readiness.HostTree.NotFound).ToList();
        Assert.True(phrases.Count > 40);
        foreach (var host in Hosts)
        {
            var english = CliRun.Invoke("check", "--root", CheckCommandTests.Fixture(host));
            var chinese = CliRun.Invoke("--lang", "zh-CN", "check", "--root", CheckCommandTests.Fixture(host));
            Assert.Equal(english.ExitCode, chinese.ExitCode);
            Assert.Contains("修复：", chinese.Stdout);
            AssertNoEnglish(chinese.Stdout, phrases);
            // The English output does carry these phrases, so the check above can fail.
            Assert.Contains(phrases, p => english.Stdout.Contains(p.Phrase, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Kb_validate_and_completion_help_are_chinese_under_zh_CN()
    {
        var knowledge = Path.Combine(RepoPaths.Root, "knowledge");
        Assert.Matches(@"knowledge: \d+ files checked with the shipped entries \(\d+ entries load\); 0 mistakes\.\n$", CliRun.Invoke("kb", "validate", knowledge).Stdout);
        Assert.Matches(@"knowledge：已连同随附条目检查 \d+ 个文件（加载了 \d+ 个条目）；0 处错误。\n$", CliRun.Invoke("--lang", "zh-CN", "kb", "validate", knowledge).Stdout);
        Assert.Contains("打印 shell 补全脚本", CliRun.Invoke("--lang", "zh-CN", "completion", "--help").Stdout);

        // kb show's host conditions.
        Assert.Contains("    socket in /proc/net/tcp6 state LISTEN\n", CliRun.Invoke("kb", "show", "inet-diag-ipv4-synrecv-on-ipv6-listener").Stdout);
        var show = CliRun.Invoke("--lang", "zh-CN", "kb", "show", "inet-diag-ipv4-synrecv-on-ipv6-listener").Stdout;
        Assert.Contains("    套接字位于 /proc/net/tcp6，状态 LISTEN\n", show);
        Assert.Contains("缓解：未加载 inet_diag；未加载 tcp_diag；", show);
    }

    [Fact]
    public void The_fleet_exposure_view_is_chinese_under_zh_CN()
    {
        foreach (var host in Hosts)
            File.WriteAllText(Path.Combine(directory, host + ".json"), CliRun.Invoke("check", "--root", CheckCommandTests.Fixture(host), "--format", "json").Stdout);
        File.WriteAllText(Path.Combine(directory, "truncated.json"), "{\"schemaVersion\":1,");
        var english = CliRun.Invoke("exposure", "--kb-id", "inet-diag-ipv4-synrecv-on-ipv6-listener", directory);
        var chinese = CliRun.Invoke("--lang", "zh-CN", "exposure", "--kb-id", "inet-diag-ipv4-synrecv-on-ipv6-listener", directory);
        Assert.StartsWith("inet-diag-ipv4-synrecv-on-ipv6-listener: 1 of 5 hosts exposed (1 not mitigated, ", english.Stdout);
        Assert.Contains("  NOT MITIGATED       xen-dom0-seed", english.Stdout);
        Assert.StartsWith("inet-diag-ipv4-synrecv-on-ipv6-listener：5 台主机中有 1 台受影响", chinese.Stdout);
        Assert.Contains("  未缓解              xen-dom0-seed", chinese.Stdout);
        AssertNoEnglish(chinese.Stdout, Phrases(Words.Text, "fleet."));
    }
}
