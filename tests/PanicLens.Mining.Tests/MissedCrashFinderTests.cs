using System.Text;
using PanicLens.Mining.Checking;
using PanicLens.Model;

namespace PanicLens.Mining.Tests;

public sealed class MissedCrashFinderTests
{
    private const string QuotedCrash = """
        Hello,
        > [ 1.0] BUG: kernel NULL pointer dereference, address: 0000000000000008
        > [ 1.0] RIP: 0010:foo+0x1d/0x60
        > [ 1.0]  bar+0x1c/0x40
        Thanks
        """;

    private static (CheckFigures Figures, List<Failure> Failures) Find(string text, params CrashReport[] reports)
    {
        var mail = new MailText(Encoding.Latin1.GetBytes(text));
        var failures = new List<Failure>();
        var figures = new CheckFigures();
        new MissedCrashFinder(failures).Find("m.txt", new EvidenceIndex(mail), reports, new FigureSet(figures));
        return (figures, failures);
    }

    [Fact]
    public void A_crash_no_report_covers_is_missed()
    {
        var (figures, failures) = Find(QuotedCrash);
        Assert.Equal((1, 1), (figures.MailsWithCrashText, figures.MailsWithMissedCrash));
        Assert.Equal((CheckRules.NotDetected, 2, "header `BUG:` behind prefix `[ 9.9] `"), (failures[0].Rule, failures[0].Line, failures[0].Cause));
    }

    [Fact]
    public void A_report_over_the_frames_covers_the_crash()
    {
        var (figures, failures) = Find(QuotedCrash, new CrashReport { Source = "m.txt", StartLine = 3, EndLine = 4, Lines = [] });
        Assert.Equal((1, 0), (figures.MailsWithCrashText, figures.MailsWithMissedCrash));
        Assert.Empty(failures);
    }

    [Fact]
    public void A_header_followed_by_one_frame_is_not_crash_text()
    {
        var (figures, failures) = Find("BUG: in prose, see foo+0x1/0x2\nthanks\n");
        Assert.Equal(0, figures.MailsWithCrashText);
        Assert.Empty(failures);
    }
}
