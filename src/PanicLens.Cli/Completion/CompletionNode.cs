namespace PanicLens.Cli.Completion;

/// <summary>
/// One command of the tree: its path from the root (`paniclens kb list`), the subcommands one level down and its
/// options (inherited ones included, as the parser accepts them), and the fixed values its arguments accept
/// (`completion bash|zsh|fish`).
/// </summary>
public sealed record CompletionNode(string Path, string Description, IReadOnlyList<string> Subcommands, IReadOnlyList<CompletionOption> Options,
    IReadOnlyList<string> ArgumentChoices)
{
    public string Name => Path[(Path.LastIndexOf(' ') + 1)..];
}
