using System.Globalization;
using System.Text.RegularExpressions;

namespace PanicLens.Knowledge;

/// <summary>
/// A kernel release string as `uname -r` and the `Tainted:` line print it, split into what can be
/// ordered: `2.6.32.36-xen` → base 2.6.32.36, flavour `xen`; `3.10.0-957.21.3.el7.x86_64` → base 3.10.0,
/// distribution release 957.21.3, flavour `el7.x86_64`; `6.1.0-rc3+` → base 6.1.0, release candidate 3.
/// </summary>
public sealed partial record KernelVersion
{
    /// <summary>Up to four numbers: major, minor, patch and the 2.6-era fourth level (2.6.32.36); missing ones are 0.</summary>
    public required IReadOnlyList<int> Base { get; init; }
    /// <summary>`-rcN`: sorts before the release it leads to (6.1-rc3 &lt; 6.1).</summary>
    public int? ReleaseCandidate { get; init; }
    /// <summary>Distribution release numbers after the dash (`957.21.3` of RHEL, `91` of Ubuntu); empty when none.</summary>
    public IReadOnlyList<int> Release { get; init; } = [];
    /// <summary>Whatever follows (`el7.x86_64`, `generic`, `xen`, `+`).</summary>
    public string Flavor { get; init; } = "";
    public required string Text { get; init; }

    // A dotted number, then anything: the kernel's own Makefile builds VERSION.PATCHLEVEL.SUBLEVEL+EXTRAVERSION.
    [GeneratedRegex(@"^(?<base>\d{1,6}(?:\.\d{1,6}){0,3})(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^-rc(?<rc>\d{1,4})(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"^-(?<rel>\d{1,9}(?:\.\d{1,9}){0,5})(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DistroRelease();

    public static bool TryParse(string? text, out KernelVersion version)
    {
        version = null!;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
            return false;
        var trimmed = text.Trim();
        var shape = Shape().Match(trimmed);
        if (!shape.Success)
            return false;
        var numbers = Numbers(shape.Groups["base"].Value);
        if (numbers.Length < 2)
            return false;
        var rest = shape.Groups["rest"].Value;
        int? rc = null;
        var candidate = Candidate().Match(rest);
        if (candidate.Success)
        {
            rc = int.Parse(candidate.Groups["rc"].Value, CultureInfo.InvariantCulture);
            rest = candidate.Groups["rest"].Value;
        }
        int[] release = [];
        var distro = DistroRelease().Match(rest);
        if (rc is null && distro.Success)
        {
            release = Numbers(distro.Groups["rel"].Value);
            rest = distro.Groups["rest"].Value;
        }
        version = new KernelVersion
        {
            Base = numbers,
            ReleaseCandidate = rc,
            Release = release,
            Flavor = rest.TrimStart('-', '.', '_'),
            Text = trimmed,
        };
        return true;
    }

    /// <summary>
    /// Orders this (a running kernel) against a range bound. Parts the bound leaves out do not count:
    /// `5.15.0-91-generic` equals the bound `5.15` and the bound `5.15.0`, but is below `5.15.0-94`.
    /// Missing base numbers are 0, so `3.7.10` is above the bound `3.7`.
    /// </summary>
    public int CompareToBound(KernelVersion bound)
    {
        var byBase = CompareLists(Base, bound.Base, 4);
        if (byBase != 0)
            return byBase;
        var byCandidate = (ReleaseCandidate ?? int.MaxValue).CompareTo(bound.ReleaseCandidate ?? int.MaxValue);
        if (byCandidate != 0)
            return byCandidate;
        if (bound.Release.Count == 0)
            return 0;
        return CompareLists(Release, bound.Release, Math.Max(Release.Count, bound.Release.Count));
    }

    public override string ToString() => Text;

    private static int CompareLists(IReadOnlyList<int> left, IReadOnlyList<int> right, int length)
    {
        for (var i = 0; i < length; i++)
        {
            var a = i < left.Count ? left[i] : 0;
            var b = i < right.Count ? right[i] : 0;
            if (a != b)
                return a.CompareTo(b);
        }
        return 0;
    }

    private static int[] Numbers(string dotted)
    {
        var parts = dotted.Split('.');
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            numbers[i] = int.Parse(parts[i], CultureInfo.InvariantCulture);
        return numbers;
    }
}
