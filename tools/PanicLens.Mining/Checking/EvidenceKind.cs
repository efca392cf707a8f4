namespace PanicLens.Mining.Checking;

/// <summary>What a line of raw text shows a reader, independently of the parser.</summary>
public enum EvidenceKind
{
    /// <summary>A task line: the report must name the comm and the pid.</summary>
    Task,
    /// <summary>A kernel release: the report must name the kernel.</summary>
    Release,
    /// <summary>A symbolised frame or instruction pointer: the report must name a function.</summary>
    Frame,
    /// <summary>A crash header: some report must cover it.</summary>
    Header,
    /// <summary>The taint flags printed with the release (`Not tainted` is none): the report must hold the same.</summary>
    Taint,
    /// <summary>The machine's DMI name (`Hardware name: `): the report must name it.</summary>
    Hardware,
}
