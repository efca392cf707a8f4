using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace PanicLens.Cli;

/// <summary>
/// `paniclens --version`: the package version and the git commit it was built from. The SDK appends the commit
/// (SourceRevisionId, read from .git) to AssemblyInformationalVersion as "+SHA"; a build from a tree without .git
/// has none, and says so rather than printing a version that looks complete.
/// </summary>
public sealed class ToolVersion(CliIo io) : SynchronousCommandLineAction
{
    public static string Text { get; } = Describe(typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>"paniclens 0.1.0 (commit 5d846f462ef3)" from an informational version "0.1.0+5d846f4...".</summary>
    public static string Describe(string? informationalVersion)
    {
        var info = string.IsNullOrWhiteSpace(informationalVersion) ? "0.0.0" : informationalVersion.Trim();
        var plus = info.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? info : info[..plus];
        var commit = plus < 0 ? "" : info[(plus + 1)..];
        if (commit.Length > 12)
            commit = commit[..12];
        return $"paniclens {version} (commit {(commit.Length == 0 ? "unknown" : commit)})";
    }

    /// <summary>Replaces System.CommandLine's own `--version` action (the bare informational version) with ours.</summary>
    public static void Install(RootCommand root, CliIo io)
    {
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
                version.Action = new ToolVersion(io);
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        using var output = io.OpenText();
        output.WriteLine(Text);
        return CommandBoundary.Ok;
    }
}
