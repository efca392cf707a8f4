using System.Diagnostics;
using System.Text;
using PanicLens.Cli;
using System.Text.Json;

namespace PanicLens.Server.Tests;

/// <summary>Logs to replay and what `analyze` says of them, the reference every receiver's result is held to.</summary>
public static class Replay
{
    public static string Seed => RepoPaths.Example("xen-dom0-inet-diag.log");

    /// <summary>The log's lines as the kernel printed them: the capture's date column (`2017-01-14 01:04:26\t`) removed.</summary>
    public static string[] KernelLines(string path) =>
        [.. File.ReadAllLines(path, Encoding.Latin1).Select(l => l.IndexOf('\t') is var tab and > 0 && tab < 24 && char.IsAsciiDigit(l[0]) ? l[(tab + 1)..] : l)];

    /// <summary>The titles `paniclens analyze` gives the same lines.</summary>
    public static List<string> AnalyzeTitles(string[] lines)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, lines, Encoding.Latin1);
            var output = new MemoryStream();
            var code = PanicLensApp.Run(["analyze", file, "--format", "json"], new CliIo(new MemoryStream(), output, new StringWriter()));
            Assert.True(code is 0 or 1, $"analyze exit {code}");
            using var json = JsonDocument.Parse(output.ToArray());
            return [.. json.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("title").GetString()!).Order(StringComparer.Ordinal)];
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs a real program to its end; fails the test with its stderr when it fails.</summary>
    public static void Run(string program, string arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), $"{program} {arguments}: still running after 2 minutes");
        Assert.True(process.ExitCode == 0, $"{program} {arguments}: exit {process.ExitCode}: {error}");
    }
}
