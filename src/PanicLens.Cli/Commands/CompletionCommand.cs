using System.CommandLine;
using PanicLens.Cli.Completion;
using PanicLens.Cli.Localization;

namespace PanicLens.Cli.Commands;

/// <summary>
/// `paniclens completion bash|zsh|fish`: prints a completion script written from the command tree it is added to,
/// so every verb and option the parser knows is completed.
/// </summary>
public static class CompletionCommand
{
    public static Command Create(RootCommand root, CliIo io)
    {
        var shell = new Argument<string>("SHELL") { Description = Words.Get("help.completion.1") };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        var command = new Command("completion", Words.Get("help.completion.2"))
        {
            shell,
        };
        command.SetAction(parse =>
        {
            var tree = CompletionTree.Read(root);
            var script = parse.GetValue(shell) switch
            {
                "bash" => BashCompletionScript.Write(tree),
                "zsh" => ZshCompletionScript.Write(tree),
                _ => FishCompletionScript.Write(tree),
            };
            using var output = io.OpenText();
            output.Write(script);
            return CommandBoundary.Ok;
        });
        return command;
    }
}
