using System.CommandLine;

namespace PanicLens.Cli.Commands;

public static class ExposureCommand
{
    // Placeholder until its issue lands; replaced by the owner of this verb.
    public static Command Create()
    {
        var command = new Command("exposure", "(not yet available)");
        command.SetAction(int (_) => throw new UsageException("'exposure' is not available yet"));
        return command;
    }
}
