namespace PanicLens.Model;

/// <summary>
/// One crash report found in a log, parsed. Values are as the kernel printed them (hex without 0x);
/// null means the log did not say. Filled by Parsing, titled by Signatures, diagnosed by Analysis.
/// </summary>
public sealed class CrashReport
{
    public required string Source { get; init; }
    public required int StartLine { get; init; }
    public required int EndLine { get; set; }
    /// <summary>The report's own lines, prefixes stripped, in input order (bounded by the detector).</summary>
    public required IReadOnlyList<LogLine> Lines { get; init; }

    public string Title { get; set; } = "";
    public List<string> AltTitles { get; } = [];
    public string Type { get; set; } = "";
    public bool Corrupted { get; set; }
    public string? CorruptionReason { get; set; }
    /// <summary>The detector's family for the header line (e.g. `paging-request`, `warning`, `hung-task`).</summary>
    public string Kind { get; set; } = "";
    /// <summary>The header line that opened the report.</summary>
    public string Message { get; set; } = "";

    public string? Timestamp { get; set; }
    public string? Kernel { get; set; }
    public string? Arch { get; set; }
    public string? Hardware { get; set; }
    public ProcessInfo? Process { get; set; }
    public int? Cpu { get; set; }
    public string? Taint { get; set; }
    public string? FaultAddress { get; set; }
    /// <summary>The Oops error code as printed (`0000`, `0002`) and the oops count (`[#1]`).</summary>
    public string? OopsCode { get; set; }
    public int? OopsCount { get; set; }
    /// <summary>Page-fault error code from modern kernels: `#PF: error_code(0x0000) - not-present page`.</summary>
    public string? ErrorCode { get; set; }
    /// <summary>The words after the page-fault error code: `not-present page`, `[PROT] [WRITE]`.</summary>
    public string? ErrorText { get; set; }
    /// <summary>The `#PF:` access line: `supervisor read access in kernel mode`.</summary>
    public string? FaultAccess { get; set; }
    public string? PageTableWalk { get; set; }

    /// <summary>The frame the title names (syzbot convention), e.g. `ipv6_addr_copy`; null when the title names none.</summary>
    public string? GuiltyFrame { get; set; }

    /// <summary>The guilty frame's function and module (module null when built in).</summary>
    public string? Function { get; set; }
    public string? Module { get; set; }
    /// <summary>The faulting instruction pointer: `IP:`/`RIP:`/`EIP:`/`PC is at`/`pc :`.</summary>
    public Frame? Ip { get; set; }
    /// <summary>Code segment printed before the RIP (`0010`, Xen PV `e030`).</summary>
    public string? CodeSegment { get; set; }
    /// <summary>Register values by name (case-insensitive), hex as printed; read from the dump lines when first asked for.</summary>
    public Dictionary<string, string> Registers
    {
        get
        {
            if (_registers is null)
            {
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var line in _registerLines ?? [])
                    RegisterDump.ReadInto(line, values);
                _registers = values;
            }
            return _registers;
        }
    }

    private List<string>? _registerLines;
    private Dictionary<string, string>? _registers;

    /// <summary>A register dump line of the report, in order; its values join <see cref="Registers"/>.</summary>
    internal void AddRegisterLine(string line)
    {
        if (_registers is not null)
            RegisterDump.ReadInto(line, _registers);
        else
            (_registerLines ??= []).Add(line);
    }
    public CodeBytes? Code { get; set; }
    public List<ModuleEntry> Modules { get; } = [];
    public string? LastUnloaded { get; set; }
    public List<CallTrace> Stacks { get; } = [];

    /// <summary>The `Kernel panic - not syncing:` reason, or null.</summary>
    public string? Panic { get; set; }
    /// <summary>`(XEN)` lines that belong to this crash, prefix kept.</summary>
    public List<string> Hypervisor { get; } = [];

    /// <summary>All frames of the task stack (or of the first trace when there is no task stack), in order.</summary>
    public IEnumerable<Frame> Frames
    {
        get
        {
            foreach (var stack in Stacks)
                foreach (var frame in stack.Frames)
                    yield return frame;
        }
    }

    public Analysis.Diagnosis? Diagnosis { get; set; }
}
