using PanicLens.Analysis;
using PanicLens.Cli.Localization;
using PanicLens.Model;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// The answer first: what crashed and where, the faulting instruction and the bad register and address (one line
/// each), who triggered it, what it did to the host, the known issue with its fix, and the ranked mitigations one
/// line each. Fits about 40 lines at <see cref="TextWrap.Width"/> columns for a typical report.
/// </summary>
public sealed class FirstScreen(TextWriter output, Palette palette)
{
    /// <summary>Label column width, in display columns.</summary>
    public const int LabelColumns = 14;
    /// <summary>Known issues and mitigations shown on the first screen; the details list them all.</summary>
    public const int MaxIssues = 2;
    public const int MaxMitigations = 10;

    public void Write(CrashReport r, int index, int total)
    {
        var p = palette;
        var when = r.Timestamp is null ? "" : $" · {r.Timestamp}";
        var header = total > 1
            ? Words.Format("report.header.of", index, total, Palette.Clean(r.Source), r.StartLine, r.EndLine)
            : Words.Format("report.header", index, Palette.Clean(r.Source), r.StartLine, r.EndLine);
        output.WriteLine(p.Dim(header + Palette.Clean(when)));
        output.WriteLine(p.Title(Palette.Clean(r.Title.Length > 0 ? r.Title : r.Message)));
        Row(Words.Get("label.function"), Where(r));
        if (r.Corrupted)
            Row(Words.Get("label.corrupted"), r.CorruptionReason ?? Words.Get("word.yes"));
        var d = r.Diagnosis;
        if (d?.Instruction is { } instruction)
            Row(Words.Get("label.instruction"), $"{instruction.Text}  ({instruction.Bytes}; {instruction.Class})");
        if (d is not null && BadRegister(d) is { } register)
            Row(Words.Get("label.bad-register"), register);
        if (BadAddress(r) is { } address)
            Row(Words.Get("label.bad-address"), address);
        if (d?.Trigger is { } trigger)
            Row(Words.Get("label.trigger"), trigger);
        if (d?.Panic is { } panic)
            Row(Words.Get("label.panic"), Words.Format("first.panic", panic.Reason, panic.Explanation));
        else if (r.Panic is not null)
            Row(Words.Get("label.panic"), r.Panic);
        if (d?.Hypervisor is { } hypervisor)
            Row(Words.Get("label.hypervisor"), hypervisor.Effect ?? hypervisor.Outcome);
        if (d is not null)
        {
            WriteIssues(d);
            WriteMitigations(d.Mitigations);
        }
    }

    /// <summary>`ipv6_addr_copy [inet_diag] · 2.6.32.36-xen x86_64 · taint P W`.</summary>
    private static string Where(CrashReport r)
    {
        var parts = new List<string>
        {
            r.Function is null ? Words.Get("first.no-function") : r.Function + (r.Module is null ? "" : $" [{r.Module}]"),
        };
        if (r.Kernel is not null)
            parts.Add(Words.Format("first.kernel", r.Kernel + (r.Arch is null ? "" : " " + r.Arch)));
        if (r.Taint is not null)
            parts.Add(Words.Format("first.taint", r.Taint));
        return string.Join(" · ", parts);
    }

    private static string? BadRegister(Diagnosis d)
    {
        if (d.BadRegister is not { } name)
            return null;
        var value = d.Operand?.Registers.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
        var text = value is null ? name : $"{name} = {value}";
        if (d.Operand is { } operand)
            text += Words.Format("first.read-by", operand.Expression) + (operand.MatchesFaultAddress == true ? Words.Get("first.operand-is-fault") : "");
        return text;
    }

    private static string? BadAddress(CrashReport r)
    {
        if (r.Diagnosis?.Address is { } address)
            return $"{address.Value} ({address.Class})";
        return r.FaultAddress;
    }

    private void WriteIssues(Diagnosis d)
    {
        if (d.KnownIssues.Count == 0)
        {
            Row(Words.Get("label.known-issue"), Words.Get("first.no-issue"));
            return;
        }
        foreach (var issue in d.KnownIssues.Take(MaxIssues))
        {
            Row(Words.Get("label.known-issue"), $"{issue.Title} [{issue.Id}]");
            if (issue.Fix is not null)
                Row("", Words.Format("first.fix", issue.Fix));
        }
        if (d.KnownIssues.Count > MaxIssues)
            Row("", Words.Format("first.more-issues", d.KnownIssues.Count - MaxIssues));
    }

    private void WriteMitigations(IReadOnlyList<MitigationAdvice> mitigations)
    {
        if (mitigations.Count == 0)
            return;
        output.WriteLine($"  {palette.Label(Words.Get("first.mitigations"))}");
        var number = mitigations.Count.ToString().Length;
        for (var i = 0; i < Math.Min(mitigations.Count, MaxMitigations); i++)
        {
            var m = mitigations[i];
            var reboot = TextWrap.Pad(Words.Get(m.RebootRequired ? "first.reboot" : "first.no-reboot"), 13);
            var trigger = TextWrap.Pad(Words.Get(m.RemovesTrigger switch { "yes" => "first.removes.yes", "partly" => "first.removes.partly", _ => "first.removes.no" }), 16);
            var lead = $"  {(i + 1).ToString().PadLeft(number)}. ";
            var title = TextWrap.Cut(Palette.Clean(m.Title), TextWrap.Width - TextWrap.Columns(lead) - 29);
            output.WriteLine($"{lead}{(m.RebootRequired ? palette.Warn(reboot) : palette.Good(reboot))}{(m.RemovesTrigger == "yes" ? palette.Good(trigger) : palette.Warn(trigger))}{title}");
        }
        if (mitigations.Count > MaxMitigations)
            output.WriteLine($"  {palette.Dim(Words.Format("first.more-mitigations", mitigations.Count - MaxMitigations))}");
    }

    /// <summary>A labelled row, its text wrapped under itself.</summary>
    private void Row(string label, string text) => Row(output, palette, label, text);

    public static void Row(TextWriter output, Palette palette, string label, string text)
    {
        var lines = TextWrap.Lines("", Palette.Clean(text), "", TextWrap.Width - 2 - LabelColumns);
        for (var i = 0; i < lines.Count; i++)
            output.WriteLine($"  {palette.Label(TextWrap.Pad(i == 0 ? label : "", LabelColumns))}{lines[i]}");
    }
}
