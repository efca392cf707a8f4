using PanicLens.Presentation.Html;
using PanicLens.Server.Dashboard;

namespace PanicLens.Server.Tests;

public sealed class SparklineTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void Days_fall_into_the_last_30_days_oldest_first_and_others_are_left_out()
    {
        var counts = Sparkline.Counts([("2026-12-03", 4), ("2026-11-04", 2), ("2026-11-03", 9), ("2026-12-04", 7), ("not a day", 5), ("2026-12-01", 1)], Today);
        Assert.Equal(30, counts.Length);
        Assert.Equal(2, counts[0]);
        Assert.Equal(1, counts[27]);
        Assert.Equal(4, counts[29]);
        Assert.Equal(7, counts.Sum());
        Assert.Equal("2026-11-04", Sparkline.Since(Today));
    }

    [Fact]
    public void The_busiest_day_is_the_full_height_and_a_single_report_still_shows()
    {
        var counts = new long[30];
        counts[3] = 10;
        counts[20] = 1;
        var page = new HtmlPage("t");
        Sparkline.Write(page, counts);
        var svg = page.Served();
        Assert.Contains("<rect x=\"9\" y=\"0\" width=\"2\" height=\"20\"/>", svg);
        Assert.Contains("<rect x=\"60\" y=\"17\" width=\"2\" height=\"3\"/>", svg);
        Assert.Contains("data-total=\"11\"", svg);
        Assert.Contains("<title>11 in the last 30 days, at most 10 a day</title>", svg);
    }
}
