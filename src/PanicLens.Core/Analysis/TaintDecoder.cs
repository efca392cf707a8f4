namespace PanicLens.Analysis;

/// <summary>
/// Decodes the `Tainted:` letters of a report, names the modules carrying each letter in `Modules linked in:`
/// (`hotfix_info(P)`), and points W and D at the earlier warning or oops when the log holds it.
/// </summary>
public static class TaintDecoder
{
    public static IReadOnlyList<TaintFlag> Decode(Model.CrashReport report, IReadOnlyList<Model.CrashReport> earlier)
    {
        var flags = new List<TaintFlag>();
        if (string.IsNullOrWhiteSpace(report.Taint) || report.Taint.Contains("Not tainted", StringComparison.OrdinalIgnoreCase))
            return flags;
        foreach (var letter in report.Taint)
        {
            if (!char.IsAsciiLetterUpper(letter) || flags.Exists(f => f.Letter[0] == letter))
                continue;
            // A hypervisor report's taint is Xen's own set of letters.
            var row = report.Kind == "xen" ? XenTaintLetters.Find(letter) : TaintLetters.Find(letter);
            var modules = new List<string>();
            foreach (var module in report.Modules)
            {
                if (module.Flags is not null && module.Flags.Contains(letter))
                    modules.Add(module.Name);
            }
            flags.Add(new TaintFlag(letter.ToString(), row?.Meaning ?? "a taint letter PanicLens does not know", modules)
            {
                Note = Note(letter, report, earlier, modules.Count),
            });
        }
        return flags;
    }

    private static string? Note(char letter, Model.CrashReport report, IReadOnlyList<Model.CrashReport> earlier, int moduleCount)
    {
        switch (letter)
        {
            case 'W':
                var warning = Last(earlier, r => r.Kind == "warning" || r.Message.StartsWith("WARNING", StringComparison.Ordinal)
                    || r.Message.Contains("] WARNING", StringComparison.Ordinal));
                return warning is null
                    ? "The warning is not in this log: it was printed before the capture began (check dmesg or the previous boot's log)."
                    : $"The earlier warning is in this log at line {warning.StartLine}: {warning.Message}";
            case 'D':
                var oops = Last(earlier, _ => true);
                if (oops is not null)
                    return $"The earlier crash is in this log at line {oops.StartLine}: {oops.Message}";
                return report.OopsCount > 1
                    ? $"This is oops #{report.OopsCount}; the first one is not in this log."
                    : "Set by this crash itself when the taint was printed after the oops (as in a panic's second `Tainted:` line).";
            case 'P' or 'O' or 'E' or 'F' or 'C' when moduleCount == 0 && report.Modules.Count > 0:
                return "No module in `Modules linked in:` carries this flag; the module may have been unloaded (taint is never cleared).";
            default:
                return null;
        }
    }

    private static Model.CrashReport? Last(IReadOnlyList<Model.CrashReport> earlier, Func<Model.CrashReport, bool> accept)
    {
        for (var i = earlier.Count - 1; i >= 0; i--)
        {
            if (accept(earlier[i]))
                return earlier[i];
        }
        return null;
    }
}
