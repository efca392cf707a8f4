using System.CommandLine;

namespace PanicLens.Cli.Commands;

public static class CheckCommand
{
    // Placeholder until its issue lands; replaced by the owner of this verb.
    public static Command Create()
    {
        var command = new Command("check", "(not yet available)");
        command.SetAction(int (_) => throw new UsageException("'check' is not available yet"));
        return command;
    }
}
