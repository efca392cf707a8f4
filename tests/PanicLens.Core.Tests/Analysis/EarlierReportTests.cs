namespace PanicLens.Core.Tests.Analysis;

/// <summary>Taint letters that point back: a real log with an oops followed by a warning from a tainted (D) kernel.</summary>
public sealed class EarlierReportTests
{
    [Fact]
    public void D_taint_of_a_later_report_points_at_the_first_oops_in_the_log()
    {
        // ../shared/corpus/production/abrt-oops-32bit-graphics.log: the NULL dereference in radeon_audio_detect, then
        // `WARNING: ... __list_del_entry` from `Tainted: G      D`.
        var reports = DiagnosisPipeline.Reports(File.ReadAllText(Path.Combine(RepoPaths.Corpus("production"), "abrt-oops-32bit-graphics.log")));

        var warning = reports.First(r => r.Message.StartsWith("WARNING", StringComparison.Ordinal));
        var died = warning.Diagnosis!.Taint.Single(t => t.Letter == "D");

        Assert.Contains($"line {reports[0].StartLine}", died.Note);
        Assert.Contains("NULL pointer dereference", died.Note);
    }
}
