using System.Text.RegularExpressions;
using PanicLens.Cli.Localization;
using PanicLens.Localization;
using PanicLens.Storage.Tests;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>
/// The fleet verbs' text (`scan`, `buckets`, `buckets --explain`, `show`, `hosts`) in English and in Chinese: the
/// English lines keep their wording, and under `--lang zh-CN` no English sentence of their resources is left.
/// </summary>
public sealed partial class FleetLanguageTests : IDisposable
{
    private readonly TestStores stores = new();

    public void Dispose() => stores.Dispose();

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Slot();

    /// <summary>Every verb's text output on one store holding the seed twice (two hosts) and a missing path.</summary>
    private static string Outputs(ScanFolder folder, string[] lang, out string bucket)
    {
        var scan = CliRun.Invoke([.. lang, "scan", folder.Root, folder.PathOf("absent.log"), "--db", folder.Db]);
        Assert.Equal(1, scan.ExitCode);
        bucket = folder.Buckets()[0].GetProperty("id").GetString()!;
        var text = scan.Stdout;
        foreach (var args in new[]
        {
            new[] { "buckets", "--db", folder.Db }, ["buckets", "--db", folder.Db, "--format", "markdown"],
            ["buckets", "--db", folder.Db, "--explain", "1", bucket], ["buckets", "--db", folder.Db, "--explain", "1", "2"],
            ["show", bucket, "--db", folder.Db], ["show", "1", "--db", folder.Db], ["hosts", "--db", folder.Db],
        })
        {
            var run = CliRun.Invoke([.. lang, .. args]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            text += run.Stdout;
        }
        return text;
    }

    private static ScanFolder Seeded(string db)
    {
        var folder = new ScanFolder(db);
        folder.Write("web-01.log", ScanFolder.Noise(5) + ScanFolder.Seed);
        folder.Write("web-02.log", ScanFolder.Seed.Replace("ffff8802ea75bb00", "ffff8802ea75bc40"));
        return folder;
    }

    [Fact]
    public void The_english_text_keeps_its_wording()
    {
        using var folder = Seeded(stores.NewSqlite());
        var text = Outputs(folder, [], out var bucket);
        Assert.Matches(@"scanned 2 files, \d+\.\d KiB read: 2 crash reports, 2 new; 1 buckets in ", text);
        Assert.Contains($"skipped {folder.PathOf("absent.log")}: no such file or directory\n", text);
        Assert.Contains("        2 hosts: web-01, web-02; kernels: 2.6.32.36-xen\n", text);
        Assert.Contains("1 bucket, 2 crash reports.\n", text);
        Assert.Contains("| count | bucket | title | hosts | kernels | first seen | last seen | known issue |\n", text);
        Assert.Contains($"report 1 and bucket {bucket}: one bucket: the same crash site and stack in the same build (exact keys equal)\n", text);
        Assert.Contains("  exact   same     exact/1:", text);
        Assert.Contains($"bucket {bucket}: BUG: unable to handle kernel paging request in ipv6_addr_copy\n", text);
        Assert.Contains("  2 reports on 2 hosts, seen ", text);
        Assert.Contains("  hosts    web-01, web-02\n", text);
        Assert.Contains("  reports (newest first, at most 2):\n", text);
        Assert.Matches(@"report 1 · host web-0\d · .* lines \d+-\d+ · bucket b", text);
        Assert.Matches(@"web-01 +1 crashes  last 2017-01-14T01:04:26 +2\.6\.32\.36-xen +booted - ", text);
        Assert.Contains("\n2 hosts.\n", text);
    }

    [Fact]
    public void A_store_that_cannot_open_says_so_in_either_language()
    {
        var empty = Directory.CreateTempSubdirectory("paniclens-empty-").FullName;
        var english = CliRun.Invoke("scan", empty, "--db", "/nonexistent/paniclens/x.db");
        var chinese = CliRun.Invoke("--lang", "zh-CN", "scan", empty, "--db", "/nonexistent/paniclens/x.db");
        Assert.Equal((2, 2), (english.ExitCode, chinese.ExitCode));
        Assert.StartsWith("paniclens: /nonexistent/paniclens/x.db: cannot open the store: ", english.Stderr);
        Assert.StartsWith("paniclens：/nonexistent/paniclens/x.db：无法打开存储：", chinese.Stderr);
        var missing = CliRun.Invoke("--lang", "zh-CN", "buckets", "--db", "/nonexistent/paniclens/x.db");
        Assert.StartsWith("paniclens：/nonexistent/paniclens/x.db：那里没有存储", missing.Stderr);
        Directory.Delete(empty);
    }

    [Fact]
    public void Under_zh_CN_no_english_sentence_of_the_fleet_verbs_is_left()
    {
        using var folder = Seeded(stores.NewSqlite());
        var text = Outputs(folder, ["--lang", "zh-CN"], out _);
        Assert.Contains("份崩溃报告", text);
        Assert.Contains("没有这个文件或目录", text);
        Assert.Contains("同一分桶", text);
        Assert.Contains("  主机     web-01, web-02\n", text);
        Assert.Contains("  分桶键   stack/1:", text);
        Assert.Contains("  stack   相同     stack/1:", text);

        // The phrases of every fleet resource (the text between its slots) must not appear in the Chinese output; single
        // words are left out, as the stored log lines `show` prints hold words such as "host" or "read".
        var prefixes = new[] { "scan.", "buckets.", "count.", "explain.", "show.", "hosts." };
        var english = Words.Text.Entries(UiLanguage.English).Where(e => prefixes.Any(e.Key.StartsWith)).ToList();
        Assert.True(english.Count > 30);
        var left = english
            .SelectMany(e => Slot().Split(e.Value).Select(f => (e.Key, Fragment: f.Trim(' ', '.', ':', ';', ',', '(', ')', '|', '·'))))
            .Where(f => f.Fragment.Count(char.IsAsciiLetter) >= 4 && f.Fragment.Contains(' ', StringComparison.Ordinal))
            .Where(f => text.Contains(f.Fragment, StringComparison.Ordinal))
            .Select(f => $"{f.Key}: '{f.Fragment}'")
            .ToList();
        Assert.True(left.Count == 0, "English left in the Chinese output:\n" + string.Join("\n", left) + "\n" + text);
    }
}
