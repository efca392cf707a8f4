using System.CommandLine;
using PanicLens.Cli.Completion;

namespace PanicLens.Cli.Commands;

/// <summary>
/// `paniclens completion bash|zsh|fish`: prints a completion script written from the command tree it is added to,
/// so every verb and option the parser knows is completed.
/// </summary>
public static class CompletionCommand
{
    public static Command Create(RootCommand root, CliIo io)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        var command = new Command("completion", "Print a shell completion script: source <(paniclens completion bash), or zsh; paniclens completion fish | source.")
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
