using PanicLens.Model;

namespace PanicLens.Cli.Rendering;

/// <summary>Writes reports as they stream out of the pipeline; one renderer per output format.</summary>
public interface IReportRenderer
{
    void Begin();
    void Write(CrashReport report);
    /// <summary>Closes the document; <paramref name="inputs"/> and <paramref name="reports"/> are the run's totals.</summary>
    void End(int inputs, int reports);
}
