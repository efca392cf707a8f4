using System.Diagnostics;
using System.Text;

namespace PanicLens.Mining.Archive;

/// <summary>
/// A public-inbox style list archive (`linux-mailinglist-archives/&lt;list&gt;`: a bare git repository, one mail per
/// commit in the file `m`). Walks the commits newest first with `git log` and reads each mail through one
/// `git cat-file --batch` process, so a 100,000-mail archive costs two processes, not 100,000.
/// </summary>
/// <param name="gitDir">The bare repository.</param>
/// <param name="author">When given, only the commits whose author matches it (`git log --author`, a regular expression).</param>
public sealed class GitMailArchive(string gitDir, string? author = null)
{
    /// <summary>A mail larger than this is skipped unread (it is an attachment dump, not a report).</summary>
    public const long MaxMailSize = 8 << 20;

    public string GitDir { get; } = gitDir;

    /// <summary>The list's short name: `linux-usb` from `.../linux-mailinglist-archives+linux-usb.vger.kernel.org.0/repo`.</summary>
    public string ListName
    {
        get
        {
            var full = Path.GetFullPath(GitDir).TrimEnd('/');
            foreach (var segment in full.Split('/').Reverse())
            {
                var name = segment.Contains('+') ? segment[(segment.IndexOf('+') + 1)..] : segment;
                if (name is "repo" or ".git" || name.Length == 0)
                    continue;
                var dot = name.IndexOf('.');
                return dot > 0 ? name[..dot] : name;
            }
            return "mail";
        }
    }

    public IEnumerable<ArchiveMail> Mails()
    {
        using var log = Start(author is null ? "log --format=%H" : $"log --format=%H --author=\"{author}\"");
        using var batch = Start("cat-file --batch=\"%(objectname) %(objecttype) %(objectsize) %(rest)\"", redirectInput: true);
        var feeder = Task.Run(() => Feed(log, batch));
        var output = batch.StandardOutput.BaseStream;
        try
        {
            while (ReadHeader(output) is { } header)
            {
                var fields = header.Split(' ');
                if (fields.Length < 4 || fields[1] != "blob" || !long.TryParse(fields[2], out var size))
                    continue; // `COMMIT:m missing`: a commit without a mail file
                yield return Read(output, fields[3], size);
            }
        }
        finally
        {
            // A caller that stops early (--max reached) leaves both processes mid-stream: end the two we started.
            if (!batch.HasExited)
                batch.Kill();
            if (!log.HasExited)
                log.Kill();
            feeder.GetAwaiter().GetResult();
            batch.WaitForExit();
            log.WaitForExit();
        }
    }

    private static ArchiveMail Read(Stream output, string commit, long size)
    {
        if (size > MaxMailSize)
        {
            Skip(output, size + 1);
            return new ArchiveMail(commit, null, size);
        }
        var raw = new byte[size];
        output.ReadExactly(raw);
        Skip(output, 1);
        return new ArchiveMail(commit, raw, size);
    }

    private static void Feed(Process log, Process batch)
    {
        var input = batch.StandardInput;
        try
        {
            while (ReadCommit(log) is { } commit)
                if (commit.Length > 0)
                    input.Write($"{commit}:m {commit}\n");
        }
        catch (IOException)
        {
            // The reader stopped early (a --max reached) and git closed its end: nothing is left to feed.
        }
        finally
        {
            try
            {
                input.Close();
            }
            catch (IOException)
            {
                // Same as above: closing a pipe the reader already abandoned.
            }
        }
    }

    private static string? ReadCommit(Process log)
    {
        try
        {
            return log.StandardOutput.ReadLine();
        }
        catch (IOException)
        {
            return null; // git log was ended because the reader stopped early
        }
    }

    private Process Start(string arguments, bool redirectInput = false)
    {
        var info = new ProcessStartInfo("git", $"--git-dir=\"{GitDir}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        return Process.Start(info) ?? throw new InvalidOperationException($"git could not be started for {GitDir}");
    }

    private static string? ReadHeader(Stream output)
    {
        var line = new StringBuilder();
        int b;
        while ((b = output.ReadByte()) >= 0 && b != '\n')
            line.Append((char)b);
        return b < 0 && line.Length == 0 ? null : line.ToString();
    }

    private static void Skip(Stream output, long count)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            var read = output.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0)
                return;
            count -= read;
        }
    }
}
