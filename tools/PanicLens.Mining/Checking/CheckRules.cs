namespace PanicLens.Mining.Checking;

/// <summary>The names of the checks a report (or mail) can fail; each is documented where it is applied.</summary>
public static class CheckRules
{
    public const string TaskMissing = "comm-pid-missing";
    public const string TaskDiffers = "comm-pid-differs";
    public const string KernelMissing = "kernel-missing";
    public const string KernelDiffers = "kernel-differs";
    public const string TaintDiffers = "taint-differs";
    public const string HardwareMissing = "hardware-missing";
    public const string HardwareDiffers = "hardware-differs";
    public const string FunctionMissing = "function-missing";
    public const string TitleCorrupted = "title-in-corrupted";
    public const string FunctionNotInText = "function-not-in-text";
    public const string NotDetected = "crash-not-detected";
    public const string CutShort = "trace-continues-after-report";
    public const string NoEvidence = "report-without-crash-text";
    public const string PipelineError = "pipeline-error";
}
