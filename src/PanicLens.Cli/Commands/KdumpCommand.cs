using System.CommandLine;

namespace PanicLens.Cli.Commands;

public static class KdumpCommand
{
    // Placeholder until its issue lands; replaced by the owner of this verb.
    public static Command Create()
    {
        var command = new Command("kdump", "(not yet available)");
        command.SetAction(int (_) => throw new UsageException("'kdump' is not available yet"));
        return command;
    }
}
