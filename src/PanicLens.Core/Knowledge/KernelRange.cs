using System.Text.RegularExpressions;

namespace PanicLens.Knowledge;

/// <summary>
/// One range of kernel releases written as comma-separated bounds, all of which must hold:
/// `&gt;= 2.6.29, &lt; 4.4.182`, `&lt; 3.8`, `= 3.10.0-957.el7`. An entry lists several ranges (any may hold)
/// to follow a fix through the stable branches.
/// </summary>
public sealed partial record KernelRange(string Text, IReadOnlyList<KernelBound> Bounds)
{
    [GeneratedRegex(@"^\s*(?<op><=|>=|<|>|=)\s*(?<version>\S+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BoundShape();

    /// <summary>Parses `text`; on failure returns null and says why in <paramref name="error"/>.</summary>
    public static KernelRange? TryParse(string text, out string? error)
    {
        error = null;
        var bounds = new List<KernelBound>();
        foreach (var part in text.Split(','))
        {
            var shape = BoundShape().Match(part);
            if (!shape.Success)
            {
                error = $"'{part.Trim()}' is not a bound like '< 3.8' or '>= 4.4, < 4.4.182'";
                return null;
            }
            var versionText = shape.Groups["version"].Value;
            if (!KernelVersion.TryParse(versionText, out var version))
            {
                error = $"'{versionText}' is not a kernel version like 3.8, 4.19.52 or 3.10.0-957.el7";
                return null;
            }
            bounds.Add(new KernelBound(shape.Groups["op"].Value, version));
        }
        return new KernelRange(text.Trim(), bounds);
    }

    public bool Contains(KernelVersion kernel)
    {
        foreach (var bound in Bounds)
            if (!bound.Admits(kernel))
                return false;
        return true;
    }

    public override string ToString() => Text;
}
