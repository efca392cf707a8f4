using System.Globalization;
using System.Text.Json;

namespace PanicLens.Mining.Checking;

/// <summary>Prints the figures: a text table (total, then one row per list) or the same as JSON.</summary>
public static class FiguresWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void WriteJson(TextWriter output, CheckFigures total, IReadOnlyDictionary<string, CheckFigures> byList) =>
        output.WriteLine(JsonSerializer.Serialize(new { total, byList }, Json));

    public static void WriteText(TextWriter output, CheckFigures total, IReadOnlyDictionary<string, CheckFigures> byList)
    {
        output.WriteLine($"mined files          {total.Files}, with a report {total.FilesWithReport}, reports {total.Reports}, pipeline errors {total.PipelineErrors}");
        output.WriteLine($"comm+pid named       {Rate(total.TaskNamed, total.TaskPrinted)} of reports printing a task line (agree: {Rate(total.TaskAgrees, total.TaskPrinted)})");
        output.WriteLine($"kernel named         {Rate(total.KernelNamed, total.ReleasePrinted)} of reports printing a release (agree: {Rate(total.KernelAgrees, total.ReleasePrinted)})");
        output.WriteLine($"taint read           {Rate(total.TaintAgrees, total.TaintPrinted)} of reports printing taint flags or `Not tainted` (the same flags)");
        output.WriteLine($"hardware named       {Rate(total.HardwareNamed, total.HardwarePrinted)} of reports printing `Hardware name:` (agree: {Rate(total.HardwareAgrees, total.HardwarePrinted)})");
        output.WriteLine($"function named       {Rate(total.FunctionNamed, total.FramePrinted)} of reports printing a frame or IP (in its text: {Rate(total.FunctionInText, total.FramePrinted)})");
        output.WriteLine($"title not corrupted  {Rate(total.TitleNotCorrupted, total.FramePrinted)} of the same reports");
        output.WriteLine($"corrupted            {Rate(total.Corrupted, total.Reports)} of reports");
        output.WriteLine($"crash not detected   {Rate(total.MailsWithMissedCrash, total.MailsWithCrashText)} of mails whose text holds a crash");
        output.WriteLine($"trace cut short      {Rate(total.ReportsCutShort, total.Reports)} of reports");
        output.WriteLine($"no crash text        {Rate(total.ReportsWithoutEvidence, total.Reports)} of reports (no header, frame, task line or release in the region)");
        output.WriteLine();
        output.WriteLine("list                    files reports  comm+pid        kernel          function        corrupted   missed");
        foreach (var (list, f) in byList)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{list,-22} {f.Files,6} {f.Reports,7}  {Rate(f.TaskNamed, f.TaskPrinted),-15} {Rate(f.KernelNamed, f.ReleasePrinted),-15} {Rate(f.FunctionNamed, f.FramePrinted),-15} {Rate(f.Corrupted, f.Reports),-11} {Rate(f.MailsWithMissedCrash, f.MailsWithCrashText)}"));
        output.WriteLine();
        output.WriteLine("corruption reasons");
        foreach (var (reason, count) in total.CorruptionReasons.OrderByDescending(r => r.Value))
            output.WriteLine($"  {count,6}  {reason}");
    }

    public static string Rate(int part, int whole) =>
        string.Create(CultureInfo.InvariantCulture, $"{part}/{whole} ({(whole == 0 ? 0 : 100.0 * part / whole):F1}%)");
}
