using PanicLens.Knowledge;
using PanicLens.Localization;

namespace PanicLens.Readiness;

/// <summary>
/// Judges a host against the <c>host:</c> section of known issues: exposed when every precondition holds,
/// mitigated when any of the issue's mitigation tests holds. A precondition that cannot be read makes the
/// answer unknown (null), never a "no".
/// </summary>
public static class ExposureEvaluator
{
    /// <summary>Sysctl keys the known issues' host sections read, so the host facts record them.</summary>
    public static IEnumerable<string> SysctlKeys(IEnumerable<KnownIssue> issues) =>
        issues.Where(i => i.Host is not null)
            .SelectMany(i => i.Host!.Sysctls.Concat(i.Host.Mitigated.SelectMany(m => m.Sysctls)))
            .Select(s => s.Key)
            .Distinct(StringComparer.Ordinal);

    public static IReadOnlyList<IssueExposure> Evaluate(IEnumerable<KnownIssue> issues, HostContext host)
    {
        var results = new List<IssueExposure>();
        foreach (var issue in issues)
        {
            if (issue.Host is { } conditions)
                results.Add(Evaluate(issue.Id, conditions, host));
        }
        return results;
    }

    public static IssueExposure Evaluate(string issueId, HostExposure conditions, HostContext host)
    {
        var evidence = new List<string>();
        var exposed = All(
            Kernel(conditions.Kernel, host, evidence),
            Modules(conditions.Modules, host, evidence),
            All(conditions.Sysctls.Select(s => Sysctl(s, host, evidence)).ToArray()),
            All(conditions.Sockets.Select(s => Socket(s, host, evidence)).ToArray()));
        bool? mitigated = conditions.Mitigated.Count == 0 ? false : null;
        var anyUnknown = false;
        foreach (var check in conditions.Mitigated)
        {
            var holds = Mitigation(check, host, evidence);
            if (holds == true)
            {
                mitigated = true;
                break;
            }
            anyUnknown |= holds is null;
        }
        if (mitigated is null && !anyUnknown)
            mitigated = false;
        return new IssueExposure(issueId, exposed, mitigated, evidence);
    }

    private static bool? Kernel(IReadOnlyList<KernelRange> ranges, HostContext host, List<string> evidence)
    {
        if (ranges.Count == 0)
            return true;
        var release = host.Facts.KernelRelease;
        var from = host.Facts.KernelReleaseFrom;
        if (!KernelVersion.TryParse(release, out var version))
        {
            evidence.Add(release is null ? Sentences.Format("evidence.release.unreadable", from) : Sentences.Format("evidence.release.not-version", from, release));
            return null;
        }
        var matching = ranges.FirstOrDefault(r => r.Contains(version));
        var rangesText = string.Join(Sentences.Get("evidence.range-or"), ranges.Select(r => r.Text));
        if (matching is null)
        {
            evidence.Add(Sentences.Format("evidence.release.outside", from, release, rangesText));
            return false;
        }
        // A distribution kernel (3.10.0-1160.el7) carries backports its base version does not show: a range
        // in upstream numbers cannot say it lacks the fix. Outside the range it is decisive (a vendor kernel
        // holds every upstream fix up to its base).
        if (version.Release.Count > 0 && !matching.Bounds.Any(b => b.Version.Release.Count > 0))
        {
            evidence.Add(Sentences.Format("evidence.release.distribution", from, release, string.Join('.', version.Base), matching.Text));
            return null;
        }
        evidence.Add(Sentences.Format("evidence.release.inside", from, release, rangesText));
        return true;
    }

    private static bool? Modules(IReadOnlyList<string> modules, HostContext host, List<string> evidence)
    {
        if (modules.Count == 0)
            return true;
        if (host.Facts.Modules is null)
        {
            evidence.Add(Sentences.Get("evidence.modules.unreadable"));
            return null;
        }
        var missing = modules.Where(m => !host.Facts.HasModule(m)).ToList();
        evidence.Add(missing.Count == 0 ? Sentences.Format("evidence.modules.loaded", string.Join(", ", modules)) : Sentences.Format("evidence.modules.missing", string.Join(", ", missing)));
        return missing.Count == 0;
    }

    private static bool? Sysctl(HostSysctl sysctl, HostContext host, List<string> evidence)
    {
        var file = host.Tree.ReadOptional(sysctl.ProcPath);
        if (!file.Readable && !host.Tree.Exists("/proc/sys"))
        {
            evidence.Add(Sentences.Format("evidence.sysctl.no-proc-sys", sysctl.ProcPath));
            return null;
        }
        var holds = sysctl.Holds(file.Value);
        var want = sysctl.EqualTo is not null ? "= " + sysctl.EqualTo : "!= " + sysctl.NotEqualTo;
        evidence.Add(Sentences.Format(holds ? "evidence.sysctl.holds" : "evidence.sysctl.does-not-hold", sysctl.ProcPath, file.Readable ? file.Value : Sentences.Get("evidence.absent"), want));
        return holds;
    }

    private static bool? Socket(HostSocket socket, HostContext host, List<string> evidence)
    {
        var file = host.Tree.ReadOptional(socket.File);
        if (file.Text is null)
        {
            // An IPv6 table missing beside its readable IPv4 table means no IPv6 stack, so no such socket.
            var ipv4 = socket.File.EndsWith('6') ? socket.File[..^1] : null;
            if (ipv4 is not null && host.Tree.ReadOptional(ipv4).Readable)
            {
                evidence.Add(Sentences.Format("evidence.socket.no-ipv6", socket.File, ipv4));
                return false;
            }
            evidence.Add(Sentences.Format("evidence.unreadable", socket.File, file.Problem));
            return null;
        }
        var count = ProcNetTable.Count(file.Text, socket.StateCode, socket.Port);
        var what = (socket.State ?? Sentences.Get("evidence.socket.any-state")) + (socket.Port is { } port ? Sentences.Format("evidence.socket.port", port) : "");
        evidence.Add(Sentences.Format("evidence.socket.count", socket.File, count, what));
        return count > 0;
    }

    private static bool? Mitigation(HostMitigationCheck check, HostContext host, List<string> evidence)
    {
        var results = new List<bool?>();
        if (check.ModulesAbsent.Count > 0)
        {
            var loaded = host.Facts.Modules is null ? null : check.ModulesAbsent.Where(host.Facts.HasModule).ToList();
            results.Add(loaded is null ? null : loaded.Count == 0);
            evidence.Add(Sentences.Format("evidence.mitigation.modules", check.Mitigation, loaded is null ? Sentences.Get("evidence.word.unreadable")
                : loaded.Count == 0 ? Sentences.Format("evidence.word.not-loaded", string.Join(", ", check.ModulesAbsent))
                : Sentences.Format("evidence.word.still-loaded", string.Join(", ", loaded))));
        }
        results.AddRange(check.Sysctls.Select(s => Sysctl(s, host, evidence)));
        foreach (var word in check.Cmdline)
        {
            var cmdline = host.Facts.CommandLine;
            var present = cmdline is null ? (bool?)null : KernelCommandLine.Words(cmdline).Contains(word);
            results.Add(present);
            evidence.Add(Sentences.Format("evidence.mitigation.cmdline", check.Mitigation, Sentences.Format(present is null ? "evidence.word.unreadable"
                : present.Value ? "evidence.word.has" : "evidence.word.lacks", word)));
        }
        foreach (var fileCheck in check.Files)
            results.Add(FileContains(fileCheck, check.Mitigation, host, evidence));
        return All(results.ToArray());
    }

    private static bool FileContains(HostFileCheck check, string mitigation, HostContext host, List<string> evidence)
    {
        foreach (var path in HostGlob.Expand(host.Tree, check.Path))
        {
            var text = host.Tree.ReadOptional(path).Text ?? "";
            foreach (var line in text.Split('\n'))
            {
                if (check.Contains.IsMatch(line))
                {
                    evidence.Add(Sentences.Format("evidence.mitigation", mitigation, $"{path}: \"{line.Trim()}\""));
                    return true;
                }
            }
        }
        evidence.Add(Sentences.Format("evidence.mitigation", mitigation, Sentences.Format("evidence.file.no-match", check.Path, check.Contains)));
        return false;
    }

    /// <summary>Three-valued AND: false if any is false, else null if any is unknown, else true.</summary>
    private static bool? All(params bool?[] values)
    {
        if (values.Any(v => v == false))
            return false;
        return values.Any(v => v is null) ? null : true;
    }
}
