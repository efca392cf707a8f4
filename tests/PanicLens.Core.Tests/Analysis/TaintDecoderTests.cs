using PanicLens.Analysis;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Analysis;

public sealed class TaintDecoderTests
{
    public static TheoryData<string> Letters() => new(TaintLetters.All.Select(l => l.Letter.ToString()));

    [Theory]
    [MemberData(nameof(Letters))]
    public void Every_taint_letter_has_a_meaning(string letter)
    {
        var report = TestReports.Empty("Oops");
        report.Taint = letter;

        var flag = Assert.Single(TaintDecoder.Decode(report, []));

        Assert.Equal(letter, flag.Letter);
        Assert.DoesNotContain("does not know", flag.Meaning);
    }

    [Fact]
    public void Seed_names_hotfix_info_as_the_proprietary_module()
    {
        var taint = new Diagnoser().Diagnose(TestReports.Seed()).Taint;

        Assert.Equal(["P", "W"], taint.Select(t => t.Letter));
        Assert.Equal(["hotfix_info"], taint[0].Modules);
        Assert.Contains("proprietary", taint[0].Meaning);
    }

    [Fact]
    public void Seed_warning_is_said_to_be_outside_the_log()
    {
        var w = new Diagnoser().Diagnose(TestReports.Seed()).Taint.Single(t => t.Letter == "W");

        Assert.Contains("not in this log", w.Note);
    }

    [Fact]
    public void W_points_at_the_earlier_warning_in_the_same_log()
    {
        var warning = TestReports.Empty("WARNING: CPU: 1 PID: 263 at lib/list_debug.c:62 __list_del_entry+0xf4/0x100()");
        warning.Kind = "warning";
        var earlier = new[] { Relocated(warning, 40) };
        var report = TestReports.Seed();

        var w = new Diagnoser().Diagnose(report, earlier).Taint.Single(t => t.Letter == "W");

        Assert.Contains("line 40", w.Note);
        Assert.Contains("lib/list_debug.c:62", w.Note);
    }

    [Fact]
    public void Out_of_tree_and_unsigned_modules_are_named_per_letter()
    {
        var report = TestReports.Empty("Oops");
        report.Taint = "P           OE";
        report.Modules.Add(new ModuleEntry("nvidia", "POE"));
        report.Modules.Add(new ModuleEntry("zfs", "PO"));
        report.Modules.Add(new ModuleEntry("ext4", null));

        var taint = TaintDecoder.Decode(report, []);

        Assert.Equal(["nvidia", "zfs"], taint.Single(t => t.Letter == "P").Modules);
        Assert.Equal(["nvidia", "zfs"], taint.Single(t => t.Letter == "O").Modules);
        Assert.Equal(["nvidia"], taint.Single(t => t.Letter == "E").Modules);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Not tainted")]
    [InlineData("   ")]
    public void An_untainted_kernel_has_no_flags(string? taint)
    {
        var report = TestReports.Empty("Oops");
        report.Taint = taint;

        Assert.Empty(TaintDecoder.Decode(report, []));
    }

    private static CrashReport Relocated(CrashReport report, int line)
    {
        var moved = new CrashReport { Source = report.Source, StartLine = line, EndLine = line, Lines = [], Message = report.Message, Kind = report.Kind };
        return moved;
    }
}
