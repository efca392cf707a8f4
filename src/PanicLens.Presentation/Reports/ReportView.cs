using System.Globalization;
using System.Text.Json;
using PanicLens.Presentation.Html;

namespace PanicLens.Presentation.Reports;

/// <summary>
/// One report as the dashboard's report page and `analyze --format html` show it: the diagnosis first (message,
/// process, guilty function, trigger, bad address, panic, faulting instruction with its decoded neighbours, known
/// issues, mitigations with copyable commands), then the call trace (unreliable `?` frames dimmed, the guilty frame
/// marked), then the raw log. Reads the analyze JSON contract of the report, never text we printed.
/// </summary>
public static class ReportView
{
    public static void Write(HtmlPage page, ReportHeading heading, string? analysisJson, string? rawText)
    {
        page.Element("h1", heading.Title);
        page.Raw("<p class=\"muted\">");
        for (var i = 0; i < heading.Facts.Count; i++)
        {
            if (i > 0)
                page.Text(" · ");
            Fact(page, heading.Facts[i]);
        }
        page.Raw("</p>");
        if (heading.Sources.Count > 0)
        {
            page.Raw("<p>Sources: ");
            foreach (var source in heading.Sources)
                Fact(page.Raw(" "), source);
            page.Raw("</p>");
        }
        if (analysisJson is null)
        {
            page.Element("p", "Only counted: this bucket's sample of full reports was already full when this one arrived.", "muted");
            return;
        }
        using var document = JsonDocument.Parse(analysisJson);
        Diagnosis(page, document.RootElement);
        Trace(page, document.RootElement);
        page.Element("h2", "Raw log");
        page.Element("pre", rawText, "raw");
    }

    private static void Fact(HtmlPage page, ReportFact fact)
    {
        if (fact.Link is not null)
            page.Link(fact.Link, fact.Text);
        else if (fact.Lossy)
            page.Element("span", fact.Text, "lossy");
        else
            page.Text(fact.Text);
    }

    private static void Diagnosis(HtmlPage page, JsonElement analysis)
    {
        page.Raw("<section class=\"diagnosis\"><h2>Diagnosis</h2><dl>");
        Term(page, "Message", String(analysis, "message"));
        Term(page, "Process", analysis.TryGetProperty("process", out var process) && process.ValueKind == JsonValueKind.Object
            ? $"{String(process, "comm")} (pid {Scalar(process, "pid")})" : null);
        Term(page, "Guilty function", String(analysis, "guiltyFrame"));
        if (analysis.TryGetProperty("corrupted", out var corrupted) && corrupted.ValueKind == JsonValueKind.True)
            Term(page, "Corrupted", String(analysis, "corruptionReason"));
        if (Object(analysis, "diagnosis") is { } diagnosis)
        {
            Term(page, "Trigger", String(diagnosis, "trigger"));
            if (Object(diagnosis, "address") is { } address)
                Term(page, "Bad address", $"{String(address, "value")} ({String(address, "class")}): {String(address, "explanation")}");
            if (Object(diagnosis, "operand") is { } operand)
                Term(page, "Operand", String(operand, "explanation"));
            if (Object(diagnosis, "panic") is { } panic)
                Term(page, "Panic", $"{String(panic, "reason")}: {String(panic, "explanation")}");
            if (Object(diagnosis, "instruction") is { } instruction)
                Instruction(page, instruction);
            KnownIssues(page, diagnosis);
        }
        page.Raw("</dl>");
        if (analysis.TryGetProperty("diagnosis", out var d) && Array(d, "mitigations") is { } mitigations)
            Mitigations(page, mitigations);
        page.Raw("</section>");
    }

    private static void Instruction(HtmlPage page, JsonElement instruction)
    {
        Term(page, "Faulting instruction", $"{String(instruction, "text")}   ({String(instruction, "bytes")})");
        if (Array(instruction, "context") is not { } context)
            return;
        page.Raw("<dd><pre class=\"code\">");
        foreach (var line in context.EnumerateArray())
        {
            var faulting = line.TryGetProperty("faulting", out var f) && f.ValueKind == JsonValueKind.True;
            var offset = line.TryGetProperty("offset", out var o) && o.TryGetInt32(out var n) ? n.ToString(CultureInfo.InvariantCulture) : "";
            var text = $"{(faulting ? ">>" : "  ")} {offset,4}  {String(line, "bytes"),-24} {String(line, "text")}\n";
            if (faulting)
                page.Element("span", text, "faulting");
            else
                page.Text(text);
        }
        page.Raw("</pre></dd>");
    }

    private static void KnownIssues(HtmlPage page, JsonElement diagnosis)
    {
        if (Array(diagnosis, "knownIssues") is { } issues)
            foreach (var issue in issues.EnumerateArray())
                Term(page, "Known issue", $"{String(issue, "title")} [{String(issue, "id")}] — fixed by {String(issue, "fix") ?? "no fix recorded"}");
    }

    /// <summary>Each mitigation with its checks, commands, persistent form and undo, each block with a copy button.</summary>
    private static void Mitigations(HtmlPage page, JsonElement mitigations)
    {
        if (mitigations.GetArrayLength() == 0)
            return;
        page.Element("h3", "Mitigations");
        page.Raw("<ol class=\"mitigations\">");
        foreach (var mitigation in mitigations.EnumerateArray())
        {
            page.Raw("<li>").Element("strong", String(mitigation, "title"));
            var reboot = mitigation.TryGetProperty("rebootRequired", out var r) && r.ValueKind == JsonValueKind.True;
            page.Element("div", $"reboot {(reboot ? "required" : "not required")} · removes the trigger: {String(mitigation, "removesTrigger") ?? "unknown"}", "muted");
            if (Array(mitigation, "preconditions") is { } steps)
                foreach (var step in steps.EnumerateArray())
                    if (String(step, "check") is { } check)
                    {
                        page.Element("div", "Check: " + String(step, "what") + (String(step, "expect") is { } expect ? " — expect " + expect : ""));
                        page.Command(check);
                    }
            Lines(page, mitigation, "commands", "Commands");
            Lines(page, mitigation, "persistent", "Keep it across reboots");
            Lines(page, mitigation, "undo", "Undo");
            if (String(mitigation, "risk") is { } risk)
                page.Element("div", "Risk: " + risk);
            page.Raw("</li>");
        }
        page.Raw("</ol>");
    }

    private static void Lines(HtmlPage page, JsonElement mitigation, string name, string label)
    {
        if (Array(mitigation, name) is not { } lines || lines.GetArrayLength() == 0)
            return;
        var text = new List<string>();
        foreach (var line in lines.EnumerateArray())
            text.Add(line.GetString() ?? "");
        page.Element("div", label + ":").Command(string.Join("\n", text));
    }

    private static void Trace(HtmlPage page, JsonElement analysis)
    {
        if (Array(analysis, "frames") is not { } frames || frames.GetArrayLength() == 0)
            return;
        var guilty = String(analysis, "guiltyFrame");
        var marked = false;
        page.Element("h2", "Call trace");
        page.Raw("<ol class=\"frames\">");
        // The faulting IP is the trace's first place: the guilty frame is often the function it names.
        if (Object(analysis, "ip") is { } ip)
            Frame(page, ip, "IP: ", guilty, ref marked);
        foreach (var frame in frames.EnumerateArray())
            Frame(page, frame, "", guilty, ref marked);
        page.Raw("</ol>");
    }

    private static void Frame(HtmlPage page, JsonElement frame, string label, string? guilty, ref bool marked)
    {
        var function = String(frame, "function");
        var reliable = !frame.TryGetProperty("reliable", out var r) || r.ValueKind != JsonValueKind.False;
        var isGuilty = !marked && reliable && function is not null && function == guilty;
        marked |= isGuilty;
        var text = $"{label}{(reliable ? "" : "? ")}{function}+0x{String(frame, "offset")}/0x{String(frame, "size")}"
            + (String(frame, "module") is { } module ? $" [{module}]" : "") + (isGuilty ? "  ← guilty" : "");
        page.Element("li", text, isGuilty ? "guilty" : reliable ? null : "unreliable");
    }

    private static void Term(HtmlPage page, string term, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        page.Element("dt", term).Element("dd", value);
    }

    private static JsonElement? Object(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static JsonElement? Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Scalar(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ToString() : "";
}
