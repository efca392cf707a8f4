using PanicLens.Analysis;

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
        output.WriteLine($"  {p.Strong("diagnosis")}");
        foreach (var (label, lines) in Sections(diagnosis))
        {
            for (var i = 0; i < lines.Count; i++)
                output.WriteLine($"    {p.Label((i == 0 ? label : "").PadRight(LabelWidth))}{Palette.Clean(lines[i])}");
            if (label == "instruction" && diagnosis.Instruction is { } instruction)
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
        output.WriteLine("### Diagnosis\n");
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
            yield return ("instruction", [$"{instruction.Text}  ({instruction.Bytes}; {instruction.Class})", .. Optional(instruction.Explanation)]);
        if (d.Operand is { } operand)
            yield return ("operand", [operand.Explanation]);
        if (d.BadRegister is { } register)
            yield return ("bad register", [register]);
        if (d.Address is { } address)
            yield return ("address", [$"{address.Value} ({address.Class})", address.Explanation]);
        if (d.ErrorCode is { } errorCode)
            yield return ("error code", [$"{errorCode.Raw}: {errorCode.Explanation}"]);
        if (d.Taint.Count > 0)
            yield return ("taint", [.. d.Taint.SelectMany(TaintLines)]);
        if (d.Panic is { } panic)
            yield return ("panic", [panic.Reason, panic.Explanation]);
        if (d.Hypervisor is { } hypervisor)
            yield return ("hypervisor", [hypervisor.Outcome]);
        if (d.Trigger is { } trigger)
            yield return ("trigger", [trigger]);
        foreach (var issue in d.KnownIssues)
            yield return ("known issue", [$"{issue.Title} [{issue.Id}]", .. Optional(issue.Fix is null ? null : "fixed by " + issue.Fix), .. issue.References]);
    }

    internal static IEnumerable<string> TaintLines(TaintFlag flag)
    {
        var modules = flag.Modules.Count == 0 ? "" : $" (modules: {string.Join(", ", flag.Modules)})";
        yield return $"{flag.Letter}: {flag.Meaning}{modules}";
        if (flag.Note is not null)
            yield return $"   {flag.Note}";
    }

    private static IEnumerable<string> Optional(string? text) => text is null ? [] : [text];

    internal static void WriteMitigationsText(TextWriter output, IReadOnlyList<MitigationAdvice> mitigations, Palette p)
    {
        if (mitigations.Count == 0)
            return;
        output.WriteLine($"    {p.Label("mitigations (ranked: no reboot first)")}");
        for (var i = 0; i < mitigations.Count; i++)
        {
            var m = mitigations[i];
            output.WriteLine($"    {i + 1}. {p.Strong(Palette.Clean(m.Title))} {p.Dim($"[{m.Id}]")}");
            output.WriteLine($"       {(m.RebootRequired ? p.Warn("needs a reboot") : p.Good("no reboot"))}; {Verdict(m.RemovesTrigger, p)}");
            foreach (var pre in m.Preconditions)
            {
                output.WriteLine($"       check: {Palette.Clean(pre.What)}");
                output.WriteLine($"         $ {Palette.Clean(pre.Check)}");
                if (pre.Expect is not null)
                    output.WriteLine($"         expect: {Palette.Clean(pre.Expect)}");
            }
            WriteCommands(output, "now", m.Commands);
            WriteCommands(output, "persist", m.Persistent);
            WriteCommands(output, "undo", m.Undo);
            if (m.Risk is not null)
                output.WriteLine($"       risk: {Palette.Clean(m.Risk)}");
            if (m.Notes is not null)
                output.WriteLine($"       note: {Palette.Clean(m.Notes)}");
        }
    }

    private static void WriteCommands(TextWriter output, string label, IReadOnlyList<string> commands)
    {
        // A knowledge file writes explanations as `# ...` lines between commands; they are not run.
        for (var i = 0; i < commands.Count; i++)
        {
            var command = Palette.Clean(commands[i]);
            output.WriteLine($"       {(i == 0 ? label + ":" : "").PadRight(9)}{(command.StartsWith('#') ? command : "$ " + command)}");
        }
    }

    private static string Verdict(string removesTrigger, Palette p) => removesTrigger switch
    {
        "yes" => p.Good("removes the trigger"),
        "partly" => p.Warn("partly removes the trigger"),
        _ => p.Warn("does NOT remove the trigger"),
    };

    private static void WriteMitigationsMarkdown(TextWriter output, IReadOnlyList<MitigationAdvice> mitigations)
    {
        if (mitigations.Count == 0)
            return;
        output.WriteLine("#### Mitigations (ranked: no reboot first)\n");
        for (var i = 0; i < mitigations.Count; i++)
        {
            var m = mitigations[i];
            var verdict = m.RemovesTrigger switch { "yes" => "removes the trigger", "partly" => "partly removes the trigger", _ => "**does not** remove the trigger" };
            output.WriteLine($"{i + 1}. **{MarkdownReportRenderer.Escape(m.Title)}** (`{m.Id}`): {(m.RebootRequired ? "needs a reboot" : "no reboot")}; {verdict}.");
            foreach (var pre in m.Preconditions)
                output.WriteLine($"   - check: {MarkdownReportRenderer.Escape(pre.What)}{(pre.Expect is null ? "" : " (expect: " + MarkdownReportRenderer.Escape(pre.Expect) + ")")}");
            var blocks = new[] { ("commands", m.Preconditions.Select(pre => pre.Check).ToList()), ("now", m.Commands.ToList()), ("persist", m.Persistent.ToList()), ("undo", m.Undo.ToList()) };
            foreach (var (label, commands) in blocks)
            {
                if (commands.Count == 0)
                    continue;
                output.WriteLine($"   - {(label == "commands" ? "checks" : label)}:\n\n     ```sh");
                foreach (var command in commands)
                    output.WriteLine("     " + Palette.Clean(command).Replace("```", "` ` `"));
                output.WriteLine("     ```");
            }
            if (m.Risk is not null)
                output.WriteLine($"   - risk: {MarkdownReportRenderer.Escape(m.Risk)}");
            if (m.Notes is not null)
                output.WriteLine($"   - note: {MarkdownReportRenderer.Escape(m.Notes)}");
        }
        output.WriteLine();
    }
}
