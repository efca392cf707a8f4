using System.CommandLine;
using PanicLens.Cli.Commands;

namespace PanicLens.Cli;

/// <summary>The `paniclens` command tree, callable in-process so tests run exactly what users run.</summary>
public static class PanicLensApp
{
    public static int Run(string[] args, CliIo io)
    {
        var root = new RootCommand("PanicLens: read Linux kernel crash logs from consoles and say what crashed, why, and what to do.")
        {
            AnalyzeCommand.Create(io),
            KbCommand.Create(),
            CheckCommand.Create(),
            KdumpCommand.Create(),
            ExposureCommand.Create(),
            ScanCommand.Create(io),
            BucketsCommand.Create(io),
            ShowCommand.Create(io),
            HostsCommand.Create(io),
            ServeCommand.Create(io),
        };
        return CommandBoundary.Run(root, args, io.Error);
    }
}
