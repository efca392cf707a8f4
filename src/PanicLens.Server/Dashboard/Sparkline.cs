using System.Globalization;
using System.Text;
using PanicLens.Presentation.Html;

namespace PanicLens.Server.Dashboard;

/// <summary>
/// A bucket's trend: its reports per day over the last <see cref="Days"/> days as an inline SVG bar chart, drawn by the
/// server (no script), oldest day on the left, today on the right; the tallest bar is the busiest day.
/// </summary>
public static class Sparkline
{
    public const int Days = 30;
    private const int BarWidth = 3;
    private const int Height = 20;

    /// <summary>The first day the trend shows, as the store's day text (`yyyy-MM-dd`).</summary>
    public static string Since(DateOnly today) => today.AddDays(1 - Days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Counts per day, index 0 the oldest; days outside the window or not a date are left out.</summary>
    public static long[] Counts(IEnumerable<(string Day, long Count)> days, DateOnly today)
    {
        var counts = new long[Days];
        foreach (var (day, count) in days)
            if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && today.DayNumber - date.DayNumber is var ago and >= 0 and < Days)
                counts[Days - 1 - ago] += count;
        return counts;
    }

    public static void Write(HtmlPage page, long[] counts)
    {
        long max = 0, total = 0;
        foreach (var count in counts)
        {
            max = Math.Max(max, count);
            total += count;
        }
        var width = counts.Length * BarWidth;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"trend\" width=\"{width}\" height=\"{Height}\" viewBox=\"0 0 {width} {Height}\" role=\"img\" data-total=\"{total}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{total} in the last {counts.Length} days{(max > 0 ? $", at most {max} a day" : "")}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Height - 0.5}\" x2=\"{width}\" y2=\"{Height - 0.5}\"/>");
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0)
                continue;
            // A day with one report still shows: at least 3 px of the 20.
            var bar = Math.Max(3, (int)Math.Round((double)counts[i] / max * Height));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{i * BarWidth}\" y=\"{Height - bar}\" width=\"{BarWidth - 1}\" height=\"{bar}\"/>");
        }
        page.Raw(svg.Append("</svg>").ToString());
    }
}
