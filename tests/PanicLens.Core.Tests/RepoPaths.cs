namespace PanicLens.Core.Tests;

/// <summary>Where the repository and the read-only shared folder beside it are, found from the test binary.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>`../shared` relative to the repository root (corpus, research, seed).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Corpus(string set) => Path.Combine(Shared, "corpus", set);

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PanicLens.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PanicLens.slnx not found above " + AppContext.BaseDirectory);
    }
}
