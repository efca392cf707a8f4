using System.CommandLine;
using System.CommandLine.Completions;

namespace PanicLens.Cli.Completion;

/// <summary>
/// Reads the real command tree into the flat table the completion scripts are written from, so a new verb or
/// option is completed without touching the scripts.
/// </summary>
public static class CompletionTree
{
    public const string RootPath = "paniclens";

    public static IReadOnlyList<CompletionNode> Read(RootCommand root)
    {
        var nodes = new List<CompletionNode>();
        Visit(root, RootPath, [], nodes);
        return nodes;
    }

    private static void Visit(Command command, string path, IReadOnlyList<Option> inherited, List<CompletionNode> nodes)
    {
        var options = new List<CompletionOption>();
        foreach (var option in command.Options.Concat(inherited))
        {
            if (!option.Hidden)
                options.Add(Describe(option));
        }
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        var choices = command.Arguments.Where(a => !a.Hidden).SelectMany(a => a.GetCompletions(CompletionContext.Empty)).Select(c => c.Label).ToList();
        nodes.Add(new CompletionNode(path, command.Description ?? "", subcommands.Select(c => c.Name).ToList(), options, choices));
        var passedDown = command.Options.Where(o => o.Recursive).Concat(inherited).ToList();
        foreach (var sub in subcommands)
            Visit(sub, path + " " + sub.Name, passedDown, nodes);
    }

    private static CompletionOption Describe(Option option)
    {
        // Windows spellings (`/h`, `/?`) and `-?` are left out: no Unix shell user types them, and `?` globs.
        var names = new List<string> { option.Name };
        names.AddRange(option.Aliases.Where(a => a.StartsWith('-') && a.TrimStart('-').All(char.IsAsciiLetterOrDigit)).Order(StringComparer.Ordinal));
        var flag = option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool);
        // Static completion sources are the AcceptOnlyFromAmong values; an open-ended value (a path, a time) has none.
        var choices = flag ? [] : option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        return new CompletionOption(names, !flag, choices, option.Description ?? "");
    }
}
