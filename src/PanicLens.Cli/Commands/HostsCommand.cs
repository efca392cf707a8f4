using System.CommandLine;
using PanicLens.Cli.Rendering;

namespace PanicLens.Cli.Commands;

/// <summary>`paniclens hosts [--format text|json]`: every host in the store with its reports, its last crash and its last boot.</summary>
public static class HostsCommand
{
    public static Command Create(CliIo io)
    {
        var format = StoreOptions.Format("text", "json");
        var command = new Command("hosts", "List the hosts in the store with their crash count, last crash, last boot and last scan.")
        {
            StoreOptions.Db, format,
        };
        command.SetAction(int (parse) =>
        {
            using var store = StoreOptions.Open(parse);
            HostListRenderer.Write(store.Hosts(), parse.GetValue(format)!, io);
            return CommandBoundary.Ok;
        });
        return command;
    }
}
