using PanicLens.Text;
using System.Text.RegularExpressions;

namespace PanicLens.Knowledge;

/// <summary>
/// A file (or a glob of files, `/etc/modprobe.d/*.conf`) of which at least one has a line matching
/// <see cref="Contains"/> (NonBacktracking).
/// </summary>
public sealed record HostFileCheck(string Path, ShortTextRegex Contains);
