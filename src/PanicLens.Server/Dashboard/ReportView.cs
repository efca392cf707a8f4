using System.Text.Json;
using PanicLens.Storage;

namespace PanicLens.Server.Dashboard;

/// <summary>
/// The report page: the diagnosis first (title, trigger, bad address, known issues, mitigations), then the call trace
/// (unreliable `?` frames dimmed, the guilty frame marked), the faulting instruction, and the raw log. Reads the
/// stored analysis (the analyze JSON contract of the report), never text we printed.
/// </summary>
public static class ReportView
{
    public static void Write(Page page, StoredReport report, IReadOnlyList<ReportSource> sources)
    {
        page.Element("h1", report.Title);
        page.Raw("<p class=\"muted\">").Text($"{report.Type} on ").Link("/?host=" + Uri.EscapeDataString(report.Host), report.Host)
            .Text($" · kernel {report.Kernel ?? "unknown"} · logged {report.Timestamp ?? "—"} · received {(sources.Count > 0 ? sources[0].ReceivedAt : report.FoundAt)} · bucket ")
            .Link("/buckets/" + Uri.EscapeDataString(report.BucketId), report.BucketId).Raw("</p>");
        page.Raw("<p>Sources: ");
        if (sources.Count == 0)
            page.Text("scan of " + report.Path);
        foreach (var source in sources)
            page.Element("span", source.Source + (source.Lossy ? " (lossy) " : " "), source.Lossy ? "lossy" : null);
        page.Raw("</p>");
        if (report.ReportJson is null)
        {
            page.Element("p", "Only counted: this bucket's sample of full reports was already full when this one arrived.", "muted");
            return;
        }
        using var document = JsonDocument.Parse(report.ReportJson);
        var analysis = document.RootElement;
        Diagnosis(page, analysis);
        Trace(page, analysis);
        page.Element("h2", "Raw log");
        page.Element("pre", report.RawText, "raw");
    }

    private static void Diagnosis(Page page, JsonElement analysis)
    {
        page.Raw("<section class=\"diagnosis\" id=\"diagnosis\"><h2>Diagnosis</h2><dl>");
        Term(page, "Message", String(analysis, "message"));
        Term(page, "Process", analysis.TryGetProperty("process", out var process) && process.ValueKind == JsonValueKind.Object
            ? $"{String(process, "comm")} (pid {Scalar(process, "pid")})" : null);
        Term(page, "Guilty function", String(analysis, "guiltyFrame"));
        if (analysis.TryGetProperty("corrupted", out var corrupted) && corrupted.ValueKind == JsonValueKind.True)
            Term(page, "Corrupted", String(analysis, "corruptionReason"));
        if (analysis.TryGetProperty("diagnosis", out var diagnosis) && diagnosis.ValueKind == JsonValueKind.Object)
        {
            Term(page, "Trigger", String(diagnosis, "trigger"));
            if (diagnosis.TryGetProperty("address", out var address) && address.ValueKind == JsonValueKind.Object)
                Term(page, "Bad address", $"{String(address, "value")} ({String(address, "class")}): {String(address, "explanation")}");
            if (diagnosis.TryGetProperty("panic", out var panic) && panic.ValueKind == JsonValueKind.Object)
                Term(page, "Panic", $"{String(panic, "reason")}: {String(panic, "explanation")}");
            if (diagnosis.TryGetProperty("instruction", out var instruction) && instruction.ValueKind == JsonValueKind.Object)
                Term(page, "Faulting instruction", $"{String(instruction, "text")}   ({String(instruction, "bytes")})");
            KnownIssues(page, diagnosis);
        }
        page.Raw("</dl></section>");
    }

    private static void KnownIssues(Page page, JsonElement diagnosis)
    {
        if (diagnosis.TryGetProperty("knownIssues", out var issues) && issues.ValueKind == JsonValueKind.Array)
            foreach (var issue in issues.EnumerateArray())
                Term(page, "Known issue", $"{String(issue, "title")} [{String(issue, "id")}] — fixed by {String(issue, "fix") ?? "no fix recorded"}");
        if (!diagnosis.TryGetProperty("mitigations", out var mitigations) || mitigations.ValueKind != JsonValueKind.Array)
            return;
        foreach (var mitigation in mitigations.EnumerateArray())
        {
            page.Raw("<dt>Mitigation</dt><dd>").Text(String(mitigation, "title"));
            if (mitigation.TryGetProperty("preconditions", out var steps) && steps.ValueKind == JsonValueKind.Array)
                foreach (var step in steps.EnumerateArray())
                    if (String(step, "check") is { } check)
                        page.Element("div", String(step, "what")).Element("pre", check);
            page.Raw("</dd>");
        }
    }

    private static void Trace(Page page, JsonElement analysis)
    {
        if (!analysis.TryGetProperty("frames", out var frames) || frames.ValueKind != JsonValueKind.Array || frames.GetArrayLength() == 0)
            return;
        var guilty = String(analysis, "guiltyFrame");
        var marked = false;
        page.Element("h2", "Call trace");
        page.Raw("<ol class=\"frames\">");
        // The faulting IP is the trace's first place: the guilty frame is often the function it names.
        if (analysis.TryGetProperty("ip", out var ip) && ip.ValueKind == JsonValueKind.Object)
            Frame(page, ip, "IP: ", guilty, ref marked);
        foreach (var frame in frames.EnumerateArray())
            Frame(page, frame, "", guilty, ref marked);
        page.Raw("</ol>");
    }

    private static void Frame(Page page, JsonElement frame, string label, string? guilty, ref bool marked)
    {
        var function = String(frame, "function");
        var reliable = !frame.TryGetProperty("reliable", out var r) || r.ValueKind != JsonValueKind.False;
        var isGuilty = !marked && reliable && function is not null && function == guilty;
        marked |= isGuilty;
        var text = $"{label}{(reliable ? "" : "? ")}{function}+0x{String(frame, "offset")}/0x{String(frame, "size")}"
            + (String(frame, "module") is { } module ? $" [{module}]" : "") + (isGuilty ? "  ← guilty" : "");
        page.Element("li", text, isGuilty ? "guilty" : reliable ? null : "unreliable");
    }

    private static void Term(Page page, string term, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        page.Element("dt", term).Element("dd", value);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Scalar(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ToString() : "";
}
