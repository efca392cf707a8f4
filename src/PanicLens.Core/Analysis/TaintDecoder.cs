using PanicLens.Localization;
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
            flags.Add(new TaintFlag(letter.ToString(), row is null ? Sentences.Get("taint.unknown") : Sentences.Translate(row.Meaning), modules)
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
                    ? Sentences.Get("taint.w.absent")
                    : Sentences.Format("taint.w.present", warning.StartLine, warning.Message);
            case 'D':
                var oops = Last(earlier, _ => true);
                if (oops is not null)
                    return Sentences.Format("taint.d.present", oops.StartLine, oops.Message);
                return report.OopsCount > 1
                    ? Sentences.Format("taint.d.count", report.OopsCount)
                    : Sentences.Get("taint.d.self");
            case 'P' or 'O' or 'E' or 'F' or 'C' when moduleCount == 0 && report.Modules.Count > 0:
                return Sentences.Get("taint.no-module");
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
