namespace PanicLens.Mining.Checking;

/// <summary>
/// The label-free figures, each with its denominator: of the reports whose own text prints a task line, a release
/// or a frame, how many name the comm and pid, the kernel, a function; how many reports are corrupted; how many
/// mails with a crash in their text got no report for it.
/// </summary>
public sealed class CheckFigures
{
    public int Files { get; set; }
    public int FilesWithReport { get; set; }
    public int Reports { get; set; }
    public int PipelineErrors { get; set; }

    public int TaskPrinted { get; set; }
    public int TaskNamed { get; set; }
    public int TaskAgrees { get; set; }

    public int ReleasePrinted { get; set; }
    public int KernelNamed { get; set; }
    public int KernelAgrees { get; set; }

    public int TaintPrinted { get; set; }
    public int TaintAgrees { get; set; }

    public int HardwarePrinted { get; set; }
    public int HardwareNamed { get; set; }
    public int HardwareAgrees { get; set; }

    public int FramePrinted { get; set; }
    public int FunctionNamed { get; set; }
    public int TitleNotCorrupted { get; set; }
    public int FunctionInText { get; set; }

    public int Corrupted { get; set; }
    public SortedDictionary<string, int> CorruptionReasons { get; } = new(StringComparer.Ordinal);

    public int MailsWithCrashText { get; set; }
    public int MailsWithMissedCrash { get; set; }
    public int ReportsCutShort { get; set; }
    public int ReportsWithoutEvidence { get; set; }
}
