using PanicLens.Cli.Localization;
using System.CommandLine;
using PanicLens.Cli.Rendering;

namespace PanicLens.Cli.Commands;

/// <summary>`paniclens hosts [--format text|json]`: every host in the store with its reports, its last crash and its last boot.</summary>
public static class HostsCommand
{
    public static Command Create(CliIo io)
    {
        var format = StoreOptions.Format("text", "json");
        var command = new Command("hosts", Words.Get("help.hosts.1"))
        {
            StoreOptions.Db, format,
        };
        command.SetAction(int (parse) =>
        {
            using var store = StoreOptions.OpenExisting(parse);
            HostListRenderer.Write(store.Hosts(), parse.GetValue(format)!, io);
            return CommandBoundary.Ok;
        });
        return command;
    }
}
