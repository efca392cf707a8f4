using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Parsing;

namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>Where a foreign line is slipped in: between two frame lines of the log's first report.</summary>
public static class FrameGap
{
    /// <summary>
    /// The 0-based index of the physical line after which to insert: the first of two consecutive frame lines of the
    /// first report, else the report's header line; null when the log holds no report.
    /// </summary>
    public static int? After(CorpusLog log)
    {
        var lines = LineReader.Read(log.Text).ToList();
        var region = new CrashDetector().Detect(lines).FirstOrDefault();
        if (region is null)
            return null;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (lines[i].Number < region.StartLine || lines[i + 1].Number > region.EndLine)
                continue;
            if (lines[i + 1].Number == lines[i].Number + 1 && IsFrame(lines[i].Text) && IsFrame(lines[i + 1].Text))
                return lines[i].Number - 1;
        }
        return region.StartLine - 1;
    }

    public static bool IsFrame(string text) => FrameParser.TryParseFrame(text.Trim(), out _);
}
