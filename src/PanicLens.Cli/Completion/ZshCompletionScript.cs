using System.Text;

namespace PanicLens.Cli.Completion;

/// <summary>
/// The zsh script: the same lookup table as bash, and a completion function that walks `$words` and offers
/// matches with compadd (or _files for a path). Works from fpath (as `_paniclens`) and when sourced.
/// </summary>
public static class ZshCompletionScript
{
    public static string Write(IReadOnlyList<CompletionNode> tree)
    {
        var script = new StringBuilder();
        script.Append("#compdef paniclens\n");
        script.Append("# zsh completion for paniclens, written by `paniclens completion zsh` from its command tree.\n");
        script.Append("# Load it with: source <(paniclens completion zsh), or save it as _paniclens in a folder on $fpath.\n");
        BashCompletionScript.WriteLookups(script, tree);
        script.Append("""
            _paniclens() {
              local cur="${words[CURRENT]}" prev="${words[CURRENT-1]}" cmdpath="paniclens" i w skip=0
              for ((i = 2; i < CURRENT; i++)); do
                w="${words[i]}"
                if ((skip)); then skip=0; continue; fi
                if _paniclens_takes_value "$cmdpath" "$w"; then skip=1; continue; fi
                if [[ " $(_paniclens_subcommands "$cmdpath") " == *" $w "* ]]; then cmdpath="$cmdpath $w"; fi
              done
              if ((CURRENT > 2)) && _paniclens_takes_value "$cmdpath" "$prev"; then
                local values="$(_paniclens_values "$cmdpath" "$prev")"
                if [[ -n $values ]]; then compadd -- ${=values}; else _files; fi
                return
              fi
              if [[ $cur == -* ]]; then
                compadd -- ${=$(_paniclens_options "$cmdpath")}
                return
              fi
              local subs="$(_paniclens_subcommands "$cmdpath") $(_paniclens_arguments "$cmdpath")"
              subs="${subs## }"; subs="${subs%% }"
              if [[ -n $subs ]]; then compadd -- ${=subs}; else _files; fi
            }
            if [[ "${funcstack[1]}" == _paniclens ]]; then
              _paniclens "$@"
            else
              compdef _paniclens paniclens
            fi

            """);
        return script.ToString();
    }
}
