using System.Text.Json.Nodes;
using PanicLens.Knowledge;

namespace PanicLens.Cli.Rendering;

/// <summary>A known issue as JSON (`kb show --format json`): the YAML schema's field names, mitigations ranked.</summary>
public static class KnownIssueJson
{
    public static JsonObject Of(KnownIssue issue) => new()
    {
        ["id"] = issue.Id,
        ["title"] = issue.Title,
        ["summary"] = issue.Summary,
        ["explanation"] = issue.Explanation,
        ["source"] = issue.Source,
        ["match"] = Conditions(issue.Match),
        ["boost"] = issue.Boost is null ? null : Conditions(issue.Boost),
        ["fix"] = issue.Fix is not { } fix ? null : new JsonObject
        {
            ["subject"] = fix.Subject,
            ["commit"] = fix.Commit,
            ["version"] = fix.Version,
            ["stable"] = Strings(fix.Stable),
            ["notes"] = fix.Notes,
        },
        ["references"] = new JsonArray([.. issue.References.Select(r => new JsonObject { ["url"] = r.Url, ["title"] = r.Title })]),
        ["mitigations"] = new JsonArray([.. KnowledgeBase.Rank(issue.Mitigations).Select(Mitigation)]),
        ["host"] = issue.Host is null ? null : Host(issue.Host),
    };

    public static JsonObject Mitigation(Mitigation m) => new()
    {
        ["id"] = m.Id,
        ["title"] = m.Title,
        ["rebootRequired"] = m.RebootRequired,
        ["removesTrigger"] = m.RemovesTrigger.ToString().ToLowerInvariant(),
        ["preconditions"] = new JsonArray([.. m.Preconditions.Select(p => new JsonObject { ["what"] = p.What, ["check"] = p.Check, ["expect"] = p.Expect })]),
        ["commands"] = new JsonObject { ["runtime"] = Strings(m.Runtime), ["persistent"] = Strings(m.Persistent) },
        ["undo"] = Strings(m.Undo),
        ["risk"] = m.Risk,
        ["notes"] = m.Notes,
    };

    private static JsonObject Conditions(IssueConditions c) => new()
    {
        ["title"] = c.Title?.ToString(),
        ["text"] = c.Text?.ToString(),
        ["panic"] = c.Panic?.ToString(),
        ["functions"] = Strings(c.Functions),
        ["modules"] = Strings(c.Modules),
        ["comms"] = Strings(c.Comms),
        ["frames"] = Strings(c.Frames),
        ["types"] = Strings(c.Types),
        ["kernel"] = Strings(c.Kernel.Select(r => r.Text)),
    };

    private static JsonObject Host(HostExposure h) => new()
    {
        ["kernel"] = Strings(h.Kernel.Select(r => r.Text)),
        ["modules"] = Strings(h.Modules),
        ["sysctls"] = Sysctls(h.Sysctls),
        ["sockets"] = new JsonArray([.. h.Sockets.Select(s => new JsonObject { ["file"] = s.File, ["state"] = s.State, ["port"] = s.Port, ["why"] = s.Why })]),
        ["mitigated"] = new JsonArray([.. h.Mitigated.Select(m => new JsonObject
        {
            ["mitigation"] = m.Mitigation,
            ["modulesAbsent"] = Strings(m.ModulesAbsent),
            ["sysctls"] = Sysctls(m.Sysctls),
            ["cmdline"] = Strings(m.Cmdline),
            ["files"] = new JsonArray([.. m.Files.Select(f => new JsonObject { ["path"] = f.Path, ["contains"] = f.Contains.ToString() })]),
        })]),
        ["notes"] = h.Notes,
    };

    private static JsonArray Sysctls(IEnumerable<HostSysctl> sysctls) =>
        new([.. sysctls.Select(s => new JsonObject { ["key"] = s.Key, ["equals"] = s.EqualTo, ["notEquals"] = s.NotEqualTo })]);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
