using System.Text;

namespace PanicLens.Cli.Completion;

/// <summary>
/// The fish script: a function that finds the command being completed from the words typed so far, and one
/// `complete` line per subcommand and per option spelling, each guarded by that command's path.
/// </summary>
public static class FishCompletionScript
{
    public static string Write(IReadOnlyList<CompletionNode> tree)
    {
        var script = new StringBuilder();
        script.Append("# fish completion for paniclens, written by `paniclens completion fish` from its command tree.\n");
        script.Append("# Load it with: paniclens completion fish | source, or save it as ~/.config/fish/completions/paniclens.fish\n");
        script.Append("function __paniclens_subcommands\n    switch $argv[1]\n");
        foreach (var node in tree.Where(n => n.Subcommands.Count > 0))
            script.Append($"        case '{node.Path}'\n            printf '%s\\n' {string.Join(' ', node.Subcommands)}\n");
        script.Append("    end\nend\n");
        script.Append("function __paniclens_takes_value\n    switch \"$argv[1] $argv[2]\"\n");
        var valued = tree.SelectMany(n => n.Options.Where(o => o.TakesValue).SelectMany(o => o.Names.Select(name => $"'{n.Path} {name}'"))).ToList();
        if (valued.Count > 0)
            script.Append($"        case {string.Join(' ', valued)}\n            return 0\n");
        script.Append("    end\n    return 1\nend\n");
        script.Append("""
            function __paniclens_path
                set -l cmdpath paniclens
                set -l skip 0
                for w in (commandline -opc)[2..-1]
                    if test $skip = 1
                        set skip 0
                        continue
                    end
                    if __paniclens_takes_value "$cmdpath" $w
                        set skip 1
                        continue
                    end
                    if contains -- $w (__paniclens_subcommands "$cmdpath")
                        set cmdpath "$cmdpath $w"
                    end
                end
                echo $cmdpath
            end
            function __paniclens_at
                test (__paniclens_path) = "$argv[1]"
            end

            """);
        foreach (var node in tree)
        {
            var guard = $"-n \"__paniclens_at '{node.Path}'\"";
            foreach (var sub in node.Subcommands)
            {
                var description = tree.FirstOrDefault(n => n.Path == node.Path + " " + sub)?.Description ?? "";
                script.Append($"complete -c paniclens -f {guard} -a {sub} -d {Quote(FirstSentence(description))}\n");
            }
            if (node.ArgumentChoices.Count > 0)
                script.Append($"complete -c paniclens -f {guard} -a {Quote(string.Join(' ', node.ArgumentChoices))}\n");
            foreach (var option in node.Options)
                script.Append($"complete -c paniclens {guard}{Spellings(option)}{Value(option)} -d {Quote(FirstSentence(option.Description))}\n");
        }
        return script.ToString();
    }

    private static string Spellings(CompletionOption option)
    {
        var text = new StringBuilder();
        foreach (var name in option.Names)
        {
            if (name.StartsWith("--", StringComparison.Ordinal))
                text.Append(" -l ").Append(name[2..]);
            else if (name.Length == 2 && char.IsAsciiLetterOrDigit(name[1]))
                text.Append(" -s ").Append(name[1]);
            else
                text.Append(" -o ").Append(Quote(name[1..]));
        }
        return text.ToString();
    }

    // -x: a value that is not a file (the fixed choices); -r: a value, file names offered.
    private static string Value(CompletionOption option) =>
        !option.TakesValue ? "" : option.Choices.Count > 0 ? $" -x -a {Quote(string.Join(' ', option.Choices))}" : " -r -F";

    private static string FirstSentence(string text)
    {
        var stop = text.IndexOf(". ", StringComparison.Ordinal);
        return (stop < 0 ? text : text[..(stop + 1)]).Replace('\n', ' ');
    }

    private static string Quote(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
