using PanicLens.Analysis;

namespace PanicLens.Cli.Rendering;

// Placeholder owned by the diagnosis helper, who replaces it with the full rendering of a Diagnosis.
public static class DiagnosisRenderer
{
    public static void WriteText(TextWriter output, Diagnosis diagnosis, bool colour)
    {
    }

    public static void WriteMarkdown(TextWriter output, Diagnosis diagnosis)
    {
    }
}
