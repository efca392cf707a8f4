using System.Text.Json;
using System.Text.Json.Nodes;
using PanicLens.Cli.Localization;
using PanicLens.Knowledge;

namespace PanicLens.Cli.Rendering;

/// <summary>Prints known issues for `paniclens kb`: a list, one entry in full, or JSON.</summary>
public static class KnownIssueRenderer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void WriteList(TextWriter output, IReadOnlyList<KnownIssue> issues, Palette p)
    {
        var width = issues.Count == 0 ? 2 : issues.Max(i => i.Id.Length);
        output.WriteLine(p.Label($"{"ID".PadRight(width)}  {TextWrap.Pad(Words.Get("kb.fixed-in"), 9)} {Words.Get("kb.title")}"));
        foreach (var issue in issues.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            var user = issue.Source.StartsWith("knowledge/", StringComparison.Ordinal) ? "" : p.Dim($"  ({issue.Source})");
            output.WriteLine($"{issue.Id.PadRight(width)}  {issue.Fix?.Version ?? "-",-9} {KnownIssueLanguage.Title(issue)}{user}");
        }
        output.WriteLine(p.Dim(Words.Format("kb.count", issues.Count)));
    }

    public static void WriteIssue(TextWriter output, KnownIssue issue, Palette p)
    {
        output.WriteLine(p.Strong(KnownIssueLanguage.Title(issue)));
        output.WriteLine($"  {p.Label(TextWrap.Pad("id", 10))}{issue.Id}  {p.Dim(issue.Source)}");
        output.WriteLine($"  {p.Label(TextWrap.Pad(Words.Get("kb.summary"), 10))}{KnownIssueLanguage.Summary(issue)}");
        if (issue.Fix is { } fix)
            output.WriteLine($"  {p.Label(TextWrap.Pad(Words.Get("kb.fix"), 10))}\"{fix.Subject}\"{(fix.Commit is null ? "" : " " + fix.Commit)}{(fix.Version is null ? "" : Words.Format("kb.fix-version", fix.Version))}{(fix.Stable.Count == 0 ? "" : Words.Format("kb.fix-stable", string.Join(", ", fix.Stable)))}");
        output.WriteLine($"  {p.Label(TextWrap.Pad(Words.Get("kb.matches"), 10))}{Describe(issue.Match)}");
        if (issue.Boost is { } boost)
            output.WriteLine($"  {p.Label(TextWrap.Pad(Words.Get("kb.boosts"), 10))}{Describe(boost)}");
        if (KnownIssueLanguage.Explanation(issue) is { } explanation)
        {
            output.WriteLine();
            foreach (var line in explanation.TrimEnd().Split('\n'))
                output.WriteLine("  " + line);
        }
        output.WriteLine();
        output.WriteLine(p.Label("  " + Words.Get("kb.references")));
        foreach (var reference in issue.References)
            output.WriteLine($"    {reference.Url}{(reference.Title is null ? "" : "  " + p.Dim(reference.Title))}");
        WriteMitigations(output, issue, p);
        if (issue.Host is { } host)
            WriteHost(output, host, p);
    }

    private static void WriteHost(TextWriter output, HostExposure host, Palette p)
    {
        output.WriteLine(p.Label("  " + Words.Get("kb.host")));
        if (host.Kernel.Count > 0)
            output.WriteLine("    " + Words.Format("kbhost.kernel", string.Join(Words.Get("kbhost.or"), host.Kernel.Select(r => $"({r})"))));
        if (host.Modules.Count > 0)
            output.WriteLine("    " + Words.Format("kbhost.modules", string.Join(", ", host.Modules)));
        foreach (var s in host.Sysctls)
            output.WriteLine($"    sysctl {s.Key} {(s.EqualTo is not null ? "= " + s.EqualTo : "!= " + s.NotEqualTo)}");
        foreach (var s in host.Sockets)
            output.WriteLine("    " + Words.Format("kbhost.socket", s.File) + (s.State is null ? "" : Words.Format("kbhost.state", s.State)) + (s.Port is null ? "" : Words.Format("kbhost.port", s.Port)));
        foreach (var m in host.Mitigated)
        {
            var parts = m.ModulesAbsent.Select(x => Words.Format("kbhost.no-module", x)).Concat(m.Sysctls.Select(s => $"{s.Key} {(s.EqualTo is not null ? "= " + s.EqualTo : "!= " + s.NotEqualTo)}"))
                .Concat(m.Cmdline.Select(c => Words.Format("kbhost.cmdline-has", c))).Concat(m.Files.Select(f => Words.Format("kbhost.file-matches", f.Path, f.Contains)));
            output.WriteLine("    " + Words.Format("kbhost.mitigated", m.Mitigation, string.Join(Words.Get("kbhost.separator"), parts)));
        }
        if (host.Notes is not null)
            output.WriteLine("    " + Words.Format("kbhost.note", host.Notes));
    }

    private static void WriteMitigations(TextWriter output, KnownIssue issue, Palette p)
    {
        var ranked = KnowledgeBase.Rank(issue.Mitigations);
        if (ranked.Count > 0)
            output.WriteLine(p.Label("  " + Words.Get("kb.mitigations")));
        for (var i = 0; i < ranked.Count; i++)
        {
            var m = KnownIssueLanguage.Localize(issue, ranked[i]);
            var trigger = m.RemovesTrigger switch { RemovesTrigger.Yes => p.Good(Words.Get("mitigation.removes.yes")), RemovesTrigger.Partly => p.Warn(Words.Get("mitigation.removes.partly")), _ => p.Warn(Words.Get("mitigation.removes.no")) };
            output.WriteLine($"  {i + 1}. {p.Strong(m.Title)} [{m.Id}]");
            output.WriteLine($"     {Words.Get(m.RebootRequired ? "mitigation.reboot" : "mitigation.no-reboot")}{Words.Get("mitigation.separator")}{trigger}");
            foreach (var pre in m.Preconditions)
                output.WriteLine($"     {Words.Format("mitigation.check", pre.What)}{Environment.NewLine}         $ {pre.Check}{(pre.Expect is null ? "" : Environment.NewLine + "         " + Words.Format("mitigation.expect", pre.Expect))}");
            foreach (var command in m.Runtime)
                output.WriteLine($"     {TextWrap.Pad(Words.Get("mitigation.now") + ":", 10)}{command}");
            foreach (var command in m.Persistent)
                output.WriteLine($"     {TextWrap.Pad(Words.Get("mitigation.persist") + ":", 10)}{command}");
            foreach (var command in m.Undo)
                output.WriteLine($"     {TextWrap.Pad(Words.Get("mitigation.undo") + ":", 10)}{command}");
            if (m.Risk is not null)
                output.WriteLine($"     {Words.Format("mitigation.risk", m.Risk)}");
            if (m.Notes is not null)
                output.WriteLine($"     {Words.Format("mitigation.note", m.Notes)}");
        }
    }

    private static string Describe(IssueConditions c)
    {
        var parts = new List<string>();
        if (c.Title is not null) parts.Add($"title /{c.Title}/");
        if (c.Text is not null) parts.Add($"line /{c.Text}/");
        if (c.Panic is not null) parts.Add($"panic /{c.Panic}/");
        if (c.Functions.Count > 0) parts.Add("function " + string.Join("|", c.Functions));
        if (c.Modules.Count > 0) parts.Add("module " + string.Join("|", c.Modules));
        if (c.Comms.Count > 0) parts.Add("comm " + string.Join("|", c.Comms));
        if (c.Frames.Count > 0) parts.Add("frames " + string.Join(" + ", c.Frames));
        if (c.Types.Count > 0) parts.Add("type " + string.Join("|", c.Types));
        if (c.Kernel.Count > 0) parts.Add("kernel " + string.Join(" or ", c.Kernel.Select(r => $"({r})")));
        return string.Join("; ", parts);
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<KnownIssue> issues)
    {
        var array = new JsonArray();
        foreach (var issue in issues)
            array.Add(KnownIssueJson.Of(issue));
        output.WriteLine(array.ToJsonString(Indented));
    }
}
