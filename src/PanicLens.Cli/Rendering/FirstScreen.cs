using PanicLens.Analysis;
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
        var of = total > 1 ? $" of {total}" : "";
        var when = r.Timestamp is null ? "" : $" · {r.Timestamp}";
        output.WriteLine(p.Dim($"── report {index}{of} · {Palette.Clean(r.Source)} lines {r.StartLine}-{r.EndLine}{Palette.Clean(when)}"));
        output.WriteLine(p.Title(Palette.Clean(r.Title.Length > 0 ? r.Title : r.Message)));
        Row("function", Where(r));
        if (r.Corrupted)
            Row("corrupted", r.CorruptionReason ?? "yes");
        var d = r.Diagnosis;
        if (d?.Instruction is { } instruction)
            Row("instruction", $"{instruction.Text}  ({instruction.Bytes}; {instruction.Class})");
        if (d is not null && BadRegister(d) is { } register)
            Row("bad register", register);
        if (BadAddress(r) is { } address)
            Row("bad address", address);
        if (d?.Trigger is { } trigger)
            Row("trigger", trigger);
        if (d?.Panic is { } panic)
            Row("panic", $"{panic.Reason}: {panic.Explanation}");
        else if (r.Panic is not null)
            Row("panic", r.Panic);
        if (d?.Hypervisor is { } hypervisor)
            Row("hypervisor", hypervisor.Effect ?? hypervisor.Outcome);
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
            r.Function is null ? "(not named in the log)" : r.Function + (r.Module is null ? "" : $" [{r.Module}]"),
        };
        if (r.Kernel is not null)
            parts.Add("kernel " + r.Kernel + (r.Arch is null ? "" : " " + r.Arch));
        if (r.Taint is not null)
            parts.Add("taint " + r.Taint);
        return string.Join(" · ", parts);
    }

    private static string? BadRegister(Diagnosis d)
    {
        if (d.BadRegister is not { } name)
            return null;
        var value = d.Operand?.Registers.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
        var text = value is null ? name : $"{name} = {value}";
        if (d.Operand is { } operand)
            text += $", read by {operand.Expression}" + (operand.MatchesFaultAddress == true ? "; the operand is the fault address" : "");
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
            Row("known issue", "none in the knowledge base matches (paniclens kb list)");
            return;
        }
        foreach (var issue in d.KnownIssues.Take(MaxIssues))
        {
            Row("known issue", $"{issue.Title} [{issue.Id}]");
            if (issue.Fix is not null)
                Row("", "fix: " + issue.Fix);
        }
        if (d.KnownIssues.Count > MaxIssues)
            Row("", $"and {d.KnownIssues.Count - MaxIssues} more (see below)");
    }

    private void WriteMitigations(IReadOnlyList<MitigationAdvice> mitigations)
    {
        if (mitigations.Count == 0)
            return;
        output.WriteLine($"  {palette.Label("what to do, ranked (no reboot first; commands below):")}");
        var number = mitigations.Count.ToString().Length;
        for (var i = 0; i < Math.Min(mitigations.Count, MaxMitigations); i++)
        {
            var m = mitigations[i];
            var reboot = TextWrap.Pad(m.RebootRequired ? "needs reboot" : "no reboot", 13);
            var trigger = TextWrap.Pad(m.RemovesTrigger switch { "yes" => "removes trigger", "partly" => "partly removes", _ => "does NOT remove" }, 16);
            var lead = $"  {(i + 1).ToString().PadLeft(number)}. ";
            var title = TextWrap.Cut(Palette.Clean(m.Title), TextWrap.Width - TextWrap.Columns(lead) - 29);
            output.WriteLine($"{lead}{(m.RebootRequired ? palette.Warn(reboot) : palette.Good(reboot))}{(m.RemovesTrigger == "yes" ? palette.Good(trigger) : palette.Warn(trigger))}{title}");
        }
        if (mitigations.Count > MaxMitigations)
            output.WriteLine($"  {palette.Dim($"... {mitigations.Count - MaxMitigations} more below")}");
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
