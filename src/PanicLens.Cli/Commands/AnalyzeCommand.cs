using System.CommandLine;

namespace PanicLens.Cli.Commands;

public static class AnalyzeCommand
{
    public static Command Create()
    {
        var command = new Command("analyze", "Find and explain every kernel crash in console logs.");
        command.SetAction(int (_) => throw new UsageException("'analyze' is not available yet"));
        return command;
    }
}
