namespace PanicLens.Readiness;

/// <summary>How one host path stands in a `check --collect` archive.</summary>
public enum CollectedKind
{
    /// <summary>A file the checks read: its bytes as read (up to the read cap).</summary>
    File,

    /// <summary>A file whose name or time the checks used but not its content (a kernel image, a vmcore): an empty file with its time.</summary>
    NameOnly,

    Directory,

    /// <summary>A symbolic link, kept as a link (systemd *.wants and rc.d links may dangle).</summary>
    SymbolicLink,

    /// <summary>Read by a check but left out: its path matches <see cref="CollectionExclusions"/>.</summary>
    Withheld,
}
