using System.CommandLine;

namespace PanicLens.Cli.Commands;

public static class KbCommand
{
    // Placeholder until its issue lands; replaced by the owner of this verb.
    public static Command Create()
    {
        var command = new Command("kb", "(not yet available)");
        command.SetAction(int (_) => throw new UsageException("'kb' is not available yet"));
        return command;
    }
}
