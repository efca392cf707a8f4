using System.Diagnostics;

namespace PanicLens.Cli.Tests;

/// <summary>
/// Garbage on the console must never crash the tool, hang it, or grow its memory with the input: these run the real
/// command in a child process and watch its peak resident memory (VmHWM) from /proc.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const long PeakLimitBytes = 200L * 1024 * 1024;
    private readonly string dir = Directory.CreateTempSubdirectory("paniclens-hostile-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Two_hundred_megabytes_of_random_bytes_finish_cleanly_in_bounded_memory()
    {
        var path = Path.Combine(dir, "random.bin");
        var random = new Random(20170114);
        var block = new byte[1 << 20];
        using (var file = File.Create(path))
            for (var i = 0; i < 200; i++)
            {
                random.NextBytes(block);
                file.Write(block);
            }
        AssertCleanRun(path);
    }

    [Fact]
    public void One_fifty_megabyte_line_finishes_cleanly_in_bounded_memory()
    {
        var path = Path.Combine(dir, "oneline.log");
        var block = new byte[1 << 20];
        Array.Fill(block, (byte)'A');
        "BUG: unable to handle kernel "u8.CopyTo(block);
        using (var file = File.Create(path))
            for (var i = 0; i < 50; i++)
                file.Write(block);
        AssertCleanRun(path);
    }

    [Fact]
    public void An_empty_file_gives_no_report()
    {
        var path = Path.Combine(dir, "empty.log");
        File.WriteAllBytes(path, []);
        var (code, stdout, stderr, _) = RunCli(path);
        Assert.Equal(0, code);
        Assert.Contains("\"reports\": []", stdout);
        Assert.Equal("", stderr);
    }

    private static void AssertCleanRun(string path)
    {
        var (code, _, stderr, peak) = RunCli(path);
        Assert.True(code is 0 or 2, $"exit {code}: {stderr}");
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
        Assert.True(peak < PeakLimitBytes, $"peak resident memory {peak / (1024 * 1024)} MiB");
    }

    private static (int Code, string Stdout, string Stderr, long PeakBytes) RunCli(string path)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "paniclens.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "analyze", "--format", "json", path })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, ReadPeakResident(process.Id));
            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the command did not finish within 5 minutes");
            }
        }
        return (process.ExitCode, stdout.Result, stderr.Result, peak);
    }

    /// <summary>VmHWM ("high water mark") is the peak resident set so far, in kB; 0 once the process is gone.</summary>
    private static long ReadPeakResident(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim()) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process exited between WaitForExit and the read: the last reading stands.
        }
        return 0;
    }
}
