using System.Diagnostics;
using PanicLens.Mining.Archive;
using PanicLens.Mining.Mining;

namespace PanicLens.Mining.Tests;

/// <summary>Runs the miner on a real bare git archive of the public-inbox shape, built in a temporary folder.</summary>
public sealed class MinerTests : IDisposable
{
    private const string Crash = "Subject: Re: oops\n\n> [ 1.0] BUG: kernel NULL pointer dereference\n> [ 1.0] RIP: 0010:foo+0x1d/0x60\n";
    private const string Patch = "Subject: [PATCH] fix\n\nWARNING: line length of 101 exceeds 100 columns\n";

    private readonly string root = Directory.CreateTempSubdirectory("mining-tests-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Archive(string name, params string[] mails)
    {
        var work = Path.Combine(root, "work-" + name);
        Directory.CreateDirectory(work);
        Git(work, "init -q -b master .");
        foreach (var mail in mails)
        {
            File.WriteAllText(Path.Combine(work, "m"), mail);
            Git(work, "add m");
            Git(work, "-c user.name=t -c user.email=t@t commit -q --allow-empty -m mail");
        }
        var bare = Path.Combine(root, $"linux-mailinglist-archives+{name}.vger.kernel.org.0", "repo");
        Directory.CreateDirectory(Path.GetDirectoryName(bare)!);
        Git(root, $"clone -q --bare \"{work}\" \"{bare}\"");
        return bare;
    }

    private static void Git(string directory, string arguments)
    {
        using var git = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = directory, RedirectStandardError = true })!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {arguments}: {error}");
    }

    [Fact]
    public void Mails_come_newest_first_with_their_commit_and_the_list_is_named_from_the_folder()
    {
        var archive = new GitMailArchive(Archive("linux-usb", Patch, Crash));
        var mails = archive.Mails().ToList();
        Assert.Equal("linux-usb", archive.ListName);
        Assert.Equal([Crash, Patch], mails.Select(m => System.Text.Encoding.Latin1.GetString(m.Raw!)));
        Assert.All(mails, m => Assert.Equal(40, m.Commit.Length));
    }

    [Fact]
    public void Only_crash_mails_are_written_and_an_identical_text_only_once()
    {
        var output = Path.Combine(root, "mined");
        var options = new MineOptions([Archive("linux-input", Crash, Patch, Crash.Replace("Re: oops", "Re: Re: oops"))], output, 10);
        var tally = Assert.Single(new Miner(options).Run());
        Assert.Equal(new MineTally("linux-input", 3, 0, 2, 1, 1), tally);
        var written = Assert.Single(Directory.GetFiles(Path.Combine(output, "linux-input"), "*.txt"));
        Assert.Equal(Crash[(Crash.IndexOf("\n\n", StringComparison.Ordinal) + 2)..], File.ReadAllText(written));
    }

    [Fact]
    public void Mining_stops_at_the_cap_per_list()
    {
        var options = new MineOptions([Archive("linux-pm", Crash, Crash + "x\n", Crash + "y\n")], Path.Combine(root, "capped"), 2);
        Assert.Equal(2, Assert.Single(new Miner(options).Run()).Written);
    }
}
