using System.CommandLine;
using PanicLens.Cli;
using PanicLens.Cli.Commands;

var root = new RootCommand("PanicLens: read Linux kernel crash logs from consoles and say what crashed, why, and what to do.")
{
    AnalyzeCommand.Create(),
    KbCommand.Create(),
    CheckCommand.Create(),
    KdumpCommand.Create(),
    ExposureCommand.Create(),
};
return CommandBoundary.Run(root, args);
