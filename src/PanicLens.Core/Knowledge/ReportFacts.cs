using PanicLens.Text;
using System.Text.RegularExpressions;
using PanicLens.Model;

namespace PanicLens.Knowledge;

/// <summary>The parts of a crash report that known issues are matched against, normalised once per report.</summary>
internal sealed class ReportFacts
{
    private readonly List<string> titles = [];
    private readonly List<string> lines = [];
    private readonly HashSet<string> guiltyFunctions = new(StringComparer.Ordinal);
    private readonly HashSet<string> modules = new(StringComparer.Ordinal);
    private readonly HashSet<string> frames = new(StringComparer.Ordinal);
    private readonly List<string> types = [];

    public string? Comm { get; private init; }
    public string? Kernel { get; private init; }
    public KernelVersion? KernelVersion { get; private init; }
    public string? Panic { get; private init; }

    public static ReportFacts Of(CrashReport report, int maxLines)
    {
        var facts = new ReportFacts
        {
            Comm = report.Process?.Comm,
            Kernel = report.Kernel,
            KernelVersion = KernelVersion.TryParse(report.Kernel, out var version) ? version : null,
            Panic = report.Panic,
        };
        AddNonEmpty(facts.titles, report.Title);
        foreach (var alt in report.AltTitles)
            AddNonEmpty(facts.titles, alt);
        AddNonEmpty(facts.lines, report.Message);
        for (var i = 0; i < report.Lines.Count && i < maxLines; i++)
            facts.lines.Add(report.Lines[i].Text);
        // The parser may keep `(XEN)` lines that belong to the crash apart from the report's own lines.
        foreach (var line in report.Hypervisor)
            facts.lines.Add(line);
        AddFunction(facts.guiltyFunctions, report.Function);
        AddFunction(facts.guiltyFunctions, report.GuiltyFrame);
        AddFunction(facts.guiltyFunctions, report.Ip?.Function);
        AddNonEmpty(facts.types, report.Type);
        AddNonEmpty(facts.types, report.Kind);
        if (!string.IsNullOrEmpty(report.Module))
            facts.modules.Add(report.Module);
        if (!string.IsNullOrEmpty(report.Ip?.Module))
            facts.modules.Add(report.Ip.Module);
        foreach (var frame in report.Frames)
            AddFunction(facts.frames, frame.Function);
        facts.frames.UnionWith(facts.guiltyFunctions);
        return facts;
    }

    /// <summary>
    /// `ipv6_addr_copy.isra.3`, `tcp_fragment.constprop.0`, `.ipr_pci_error_detected` (ppc64 dot symbols)
    /// → the source function name; kernel symbols contain no other dots.
    /// </summary>
    public static string NormalizeFunction(string name)
    {
        var trimmed = name.Trim().TrimStart('.');
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? trimmed[..dot] : trimmed;
    }

    public string? FirstTitle(ShortTextRegex pattern) => titles.FirstOrDefault(pattern.IsMatch);

    public string? FirstLine(ShortTextRegex pattern) => lines.FirstOrDefault(pattern.IsMatch);

    public string? GuiltyFunction(IReadOnlyList<string> wanted) => wanted.FirstOrDefault(w => guiltyFunctions.Contains(NormalizeFunction(w)));

    public string? GuiltyModule(IReadOnlyList<string> wanted) => wanted.FirstOrDefault(modules.Contains);

    public bool HasAllFrames(IReadOnlyList<string> wanted) => wanted.All(w => frames.Contains(NormalizeFunction(w)));

    public string? MatchingType(IReadOnlyList<string> wanted) =>
        wanted.FirstOrDefault(w => types.Exists(t => string.Equals(t, w, StringComparison.OrdinalIgnoreCase)));

    public string? MatchingComm(IReadOnlyList<string> wanted)
    {
        if (Comm is null)
            return null;
        foreach (var w in wanted)
        {
            var glob = w.EndsWith('*');
            if (glob ? Comm.StartsWith(w[..^1], StringComparison.Ordinal) : Comm == w)
                return Comm;
        }
        return null;
    }

    private static void AddNonEmpty(List<string> list, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            list.Add(value);
    }

    private static void AddFunction(HashSet<string> set, string? name)
    {
        if (!string.IsNullOrWhiteSpace(name))
            set.Add(NormalizeFunction(name));
    }
}
