using System.Text;

namespace PanicLens.Cli.Completion;

/// <summary>
/// The bash script: three lookup functions written from the tree (subcommands, options, an option's values) and
/// one completion function that walks the words typed so far to the command being completed. zsh reuses it.
/// </summary>
public static class BashCompletionScript
{
    public static string Write(IReadOnlyList<CompletionNode> tree)
    {
        var script = new StringBuilder();
        script.Append("# bash completion for paniclens, written by `paniclens completion bash` from its command tree.\n");
        script.Append("# Load it with: source <(paniclens completion bash)\n");
        WriteLookups(script, tree);
        script.Append("""
            _paniclens() {
              local cur="${COMP_WORDS[COMP_CWORD]}" prev="" cmdpath="paniclens" i w skip=0
              for ((i = 1; i < COMP_CWORD; i++)); do
                w="${COMP_WORDS[i]}"
                if ((skip)); then skip=0; continue; fi
                if _paniclens_takes_value "$cmdpath" "$w"; then skip=1; continue; fi
                if [[ " $(_paniclens_subcommands "$cmdpath") " == *" $w "* ]]; then cmdpath="$cmdpath $w"; fi
              done
              ((COMP_CWORD > 1)) && prev="${COMP_WORDS[COMP_CWORD-1]}"
              COMPREPLY=()
              if ((COMP_CWORD > 1)) && _paniclens_takes_value "$cmdpath" "$prev"; then
                # A fixed set of values, or else a path: empty COMPREPLY falls back to file names (-o default).
                COMPREPLY=($(compgen -W "$(_paniclens_values "$cmdpath" "$prev")" -- "$cur"))
                return 0
              fi
              if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$(_paniclens_options "$cmdpath")" -- "$cur"))
                return 0
              fi
              COMPREPLY=($(compgen -W "$(_paniclens_subcommands "$cmdpath") $(_paniclens_arguments "$cmdpath")" -- "$cur"))
            }
            complete -o default -F _paniclens paniclens

            """);
        return script.ToString();
    }

    /// <summary>The table as shell `case` functions, shared by the bash and zsh scripts.</summary>
    public static void WriteLookups(StringBuilder script, IReadOnlyList<CompletionNode> tree)
    {
        script.Append("_paniclens_subcommands() {\n  case \"$1\" in\n");
        foreach (var node in tree)
        {
            if (node.Subcommands.Count > 0)
                script.Append($"    '{node.Path}') echo '{string.Join(' ', node.Subcommands)}' ;;\n");
        }
        script.Append("  esac\n}\n_paniclens_arguments() {\n  case \"$1\" in\n");
        foreach (var node in tree)
        {
            if (node.ArgumentChoices.Count > 0)
                script.Append($"    '{node.Path}') echo '{string.Join(' ', node.ArgumentChoices)}' ;;\n");
        }
        script.Append("  esac\n}\n_paniclens_options() {\n  case \"$1\" in\n");
        foreach (var node in tree)
            script.Append($"    '{node.Path}') echo '{string.Join(' ', node.Options.SelectMany(o => o.Names))}' ;;\n");
        script.Append("  esac\n}\n_paniclens_takes_value() {\n  case \"$1 $2\" in\n");
        var valued = tree.SelectMany(n => n.Options.Where(o => o.TakesValue).SelectMany(o => o.Names.Select(name => $"'{n.Path} {name}'"))).ToList();
        if (valued.Count > 0)
            script.Append($"    {string.Join("|", valued)}) return 0 ;;\n");
        script.Append("  esac\n  return 1\n}\n_paniclens_values() {\n  case \"$1 $2\" in\n");
        foreach (var node in tree)
        {
            foreach (var option in node.Options.Where(o => o.Choices.Count > 0))
            {
                var keys = string.Join("|", option.Names.Select(name => $"'{node.Path} {name}'"));
                script.Append($"    {keys}) echo '{string.Join(' ', option.Choices)}' ;;\n");
            }
        }
        script.Append("  esac\n}\n");
    }
}
