using PanicLens.Analysis;
using PanicLens.Cli.Localization;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// The `diagnosis` part of a report in the text and Markdown formats: the faulting instruction with its context,
/// the operand against the registers, the bad address, error code, taint, panic reason, hypervisor outcome, the
/// trigger, the known issues and the ranked mitigations with their commands.
/// </summary>
public static class DiagnosisRenderer
{
    private const int LabelWidth = 13;

    public static void WriteText(TextWriter output, Diagnosis diagnosis, bool colour)
    {
        var p = new Palette(colour);
        output.WriteLine($"  {p.Strong(Words.Get("label.diagnosis"))}");
        foreach (var (label, lines) in Sections(diagnosis))
        {
            for (var i = 0; i < lines.Count; i++)
                output.WriteLine($"    {p.Label(TextWrap.Pad(i == 0 ? label : "", LabelWidth))}{Palette.Clean(lines[i])}");
            if (label == Words.Get("label.instruction") && diagnosis.Instruction is { } instruction)
                WriteContextText(output, instruction, p);
        }
        WriteMitigationsText(output, diagnosis.Mitigations, p);
    }

    internal static void WriteContextText(TextWriter output, FaultingInstruction instruction, Palette p)
    {
        foreach (var line in instruction.Context)
        {
            var text = $"{(line.Faulting ? ">>" : "  ")} {line.Offset,4}  {line.Bytes,-24} {line.Text}";
            output.WriteLine($"    {"".PadRight(LabelWidth)}{(line.Faulting ? p.Strong(text) : p.Dim(text))}");
        }
    }

    public static void WriteMarkdown(TextWriter output, Diagnosis diagnosis)
    {
        output.WriteLine($"### {Words.Get("markdown.diagnosis")}\n");
        output.WriteLine("| | |");
        output.WriteLine("|---|---|");
        foreach (var (label, lines) in Sections(diagnosis))
            output.WriteLine($"| {label} | {string.Join("<br>", lines.Select(MarkdownReportRenderer.Escape))} |");
        output.WriteLine();
        if (diagnosis.Instruction is { Context.Count: > 0 } instruction)
        {
            output.WriteLine("```");
            foreach (var line in instruction.Context)
                output.WriteLine($"{(line.Faulting ? ">>" : "  ")} {line.Offset,4}  {line.Bytes,-24} {line.Text}".Replace("```", "` ` `"));
            output.WriteLine("```\n");
        }
        WriteMitigationsMarkdown(output, diagnosis.Mitigations);
    }

    /// <summary>The rows both formats show, in reading order; rows with nothing to say are left out.</summary>
    public static IEnumerable<(string Label, List<string> Lines)> Sections(Diagnosis d)
    {
        if (d.Instruction is { } instruction)
            yield return (Words.Get("label.instruction"), [$"{instruction.Text}  ({instruction.Bytes}; {instruction.Class})", .. Optional(instruction.Explanation)]);
        if (d.Operand is { } operand)
            yield return (Words.Get("label.operand"), [operand.Explanation]);
        if (d.BadRegister is { } register)
            yield return (Words.Get("label.bad-register"), [register]);
        if (d.Address is { } address)
            yield return (Words.Get("label.address"), [$"{address.Value} ({address.Class})", address.Explanation]);
        if (d.ErrorCode is { } errorCode)
            yield return (Words.Get("label.error-code"), [Words.Format("details.error-code", errorCode.Raw, errorCode.Explanation)]);
        if (d.Taint.Count > 0)
            yield return (Words.Get("label.taint"), [.. d.Taint.SelectMany(TaintLines)]);
        if (d.Panic is { } panic)
            yield return (Words.Get("label.panic"), [panic.Reason, panic.Explanation]);
        if (d.Hypervisor is { } hypervisor)
            yield return (Words.Get("label.hypervisor"), [hypervisor.Outcome]);
        if (d.Trigger is { } trigger)
            yield return (Words.Get("label.trigger"), [trigger]);
        foreach (var issue in d.KnownIssues)
            yield return (Words.Get("label.known-issue"), [$"{issue.Title} [{issue.Id}]", .. Optional(issue.Fix is null ? null : Words.Format("diagnosis.fixed-by", issue.Fix)), .. issue.References]);
    }

    internal static IEnumerable<string> TaintLines(TaintFlag flag)
    {
        var modules = flag.Modules.Count == 0 ? "" : Words.Format("diagnosis.taint-modules", string.Join(", ", flag.Modules));
        yield return $"{flag.Letter}: {flag.Meaning}{modules}";
        if (flag.Note is not null)
            yield return $"   {flag.Note}";
    }

    private static IEnumerable<string> Optional(string? text) => text is null ? [] : [text];

    internal static void WriteMitigationsText(TextWriter output, IReadOnlyList<MitigationAdvice> mitigations, Palette p)
    {
        if (mitigations.Count == 0)
            return;
        output.WriteLine($"    {p.Label(Words.Get("diagnosis.mitigations"))}");
        for (var i = 0; i < mitigations.Count; i++)
        {
            var m = mitigations[i];
            output.WriteLine($"    {i + 1}. {p.Strong(Palette.Clean(m.Title))} {p.Dim($"[{m.Id}]")}");
            output.WriteLine($"       {(m.RebootRequired ? p.Warn(Words.Get("mitigation.reboot")) : p.Good(Words.Get("mitigation.no-reboot")))}{Words.Get("mitigation.separator")}{Verdict(m.RemovesTrigger, p)}");
            foreach (var pre in m.Preconditions)
            {
                output.WriteLine($"       {Words.Format("mitigation.check", Palette.Clean(pre.What))}");
                output.WriteLine($"         $ {Palette.Clean(pre.Check)}");
                if (pre.Expect is not null)
                    output.WriteLine($"         {Words.Format("mitigation.expect", Palette.Clean(pre.Expect))}");
            }
            WriteCommands(output, Words.Get("mitigation.now"), m.Commands);
            WriteCommands(output, Words.Get("mitigation.persist"), m.Persistent);
            WriteCommands(output, Words.Get("mitigation.undo"), m.Undo);
            if (m.Risk is not null)
                output.WriteLine($"       {Words.Format("mitigation.risk", Palette.Clean(m.Risk))}");
            if (m.Notes is not null)
                output.WriteLine($"       {Words.Format("mitigation.note", Palette.Clean(m.Notes))}");
        }
    }

    private static void WriteCommands(TextWriter output, string label, IReadOnlyList<string> commands)
    {
        // A knowledge file writes explanations as `# ...` lines between commands; they are not run.
        for (var i = 0; i < commands.Count; i++)
        {
            var command = Palette.Clean(commands[i]);
            output.WriteLine($"       {TextWrap.Pad(i == 0 ? label + ":" : "", 9)}{(command.StartsWith('#') ? command : "$ " + command)}");
        }
    }

    private static string Verdict(string removesTrigger, Palette p) => removesTrigger switch
    {
        "yes" => p.Good(Words.Get("mitigation.removes.yes")),
        "partly" => p.Warn(Words.Get("mitigation.removes.partly")),
        _ => p.Warn(Words.Get("mitigation.removes.no")),
    };

    private static void WriteMitigationsMarkdown(TextWriter output, IReadOnlyList<MitigationAdvice> mitigations)
    {
        if (mitigations.Count == 0)
            return;
        output.WriteLine($"#### {Words.Get("markdown.mitigations")}\n");
        for (var i = 0; i < mitigations.Count; i++)
        {
            var m = mitigations[i];
            var verdict = Words.Get(m.RemovesTrigger switch { "yes" => "mitigation.removes.yes", "partly" => "mitigation.removes.partly", _ => "markdown.removes.no" });
            output.WriteLine($"{i + 1}. **{MarkdownReportRenderer.Escape(m.Title)}** (`{m.Id}`): {Words.Get(m.RebootRequired ? "mitigation.reboot" : "mitigation.no-reboot")}{Words.Get("mitigation.separator")}{verdict}.");
            foreach (var pre in m.Preconditions)
                output.WriteLine($"   - {Words.Format("mitigation.check", MarkdownReportRenderer.Escape(pre.What))}{(pre.Expect is null ? "" : " (" + Words.Format("mitigation.expect", MarkdownReportRenderer.Escape(pre.Expect)) + ")")}");
            var blocks = new[] { (Words.Get("markdown.checks"), m.Preconditions.Select(pre => pre.Check).ToList()), (Words.Get("mitigation.now"), m.Commands.ToList()), (Words.Get("mitigation.persist"), m.Persistent.ToList()), (Words.Get("mitigation.undo"), m.Undo.ToList()) };
            foreach (var (label, commands) in blocks)
            {
                if (commands.Count == 0)
                    continue;
                output.WriteLine($"   - {label}:\n\n     ```sh");
                foreach (var command in commands)
                    output.WriteLine("     " + Palette.Clean(command).Replace("```", "` ` `"));
                output.WriteLine("     ```");
            }
            if (m.Risk is not null)
                output.WriteLine($"   - {Words.Format("mitigation.risk", MarkdownReportRenderer.Escape(m.Risk))}");
            if (m.Notes is not null)
                output.WriteLine($"   - {Words.Format("mitigation.note", MarkdownReportRenderer.Escape(m.Notes))}");
        }
        output.WriteLine();
    }
}
