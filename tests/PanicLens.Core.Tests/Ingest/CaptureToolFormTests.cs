using System.Text;
using PanicLens.Ingest;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Ingest;

/// <summary>
/// Stamps written by the tools that capture a kernel log, each varied over its spellings: dmesg in another locale
/// (strftime's day and month names, the delta's decimal comma), dmesg --show-delta, IGT's `<N> [stamp]` records, and
/// the task tag of Android vendor kernels (CONFIG_PRINTK_PROCESS). Negatives keep kernel text that only looks alike.
/// </summary>
public sealed class CaptureToolFormTests
{
    private const string Text = "WARNING: CPU: 5 PID: 11547 at sound/soc/soc-pcm.c:99 snd_soc_runtime_deactivate+0x88/0x140";

    private static LogLine Single(string raw) => Assert.Single(LineReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(raw))));

    [Theory]
    [InlineData("[Sat Jan 14 01:04:26 2017] ", "2017-01-14T01:04:26")]
    [InlineData("[zo aug  1 20:24:51 2021] ", null)]        // Dutch
    [InlineData("[Ut okt 28 14:07:39 2025] ", null)]        // Slovak
    [InlineData("[Po jan 19 11:22:30 2026] ", null)]        // Slovenian
    [InlineData("[mer. déc.  3 01:04:26 2025] ", null)]     // French, abbreviations with a dot
    [InlineData("[Do Dez 24 23:59:59 2026] ", null)]        // German
    public void A_dmesg_ctime_stamp_in_any_locale_is_stripped(string stamp, string? timestamp)
    {
        var line = Single(stamp + Text);
        Assert.Equal(Text, line.Text);
        Assert.Equal(timestamp, line.Timestamp);
    }

    [Theory]
    [InlineData("[  +0.000155] ")]
    [InlineData("[  +0,000155] ")]
    [InlineData("[+12,500000] ")]
    public void A_dmesg_delta_with_either_decimal_mark_is_stripped(string stamp) =>
        Assert.Equal(Text, Single(stamp + Text).Text);

    [Theory]
    [InlineData("[   41.710603 <    0.000023>] ", "41.710603")]
    [InlineData("[ 1234.000001 <12.5>] ", "1234.000001")]
    [InlineData("[    0.000000 <    0.000000>] ", "0.000000")]
    public void A_show_delta_stamp_gives_its_uptime(string stamp, string uptime)
    {
        var line = Single(stamp + Text);
        Assert.Equal(Text, line.Text);
        Assert.Equal(uptime, line.Uptime);
    }

    [Theory]
    [InlineData("<4> [358.080081] ", "358.080081")]
    [InlineData("<3> [  242.399745] ", "242.399745")]
    [InlineData("<4>[358.080081] ", "358.080081")]
    public void An_igt_record_gives_its_uptime(string stamp, string uptime)
    {
        var line = Single(stamp + Text);
        Assert.Equal(Text, line.Text);
        Assert.Equal(uptime, line.Uptime);
    }

    [Theory]
    [InlineData("[ 1437.857463]  [5:          cplay:11547] ", "T11547")]
    [InlineData("[ 3041.949116] [5:    kworker/5:1:  130] ", "T130")]
    [InlineData("[  190.447777]I[2:    ksoftirqd/2:   23] ", "C2")]   // `I`: printed in interrupt context, so the CPU
    [InlineData("<4>[ 1437.857463]  [5:          cplay:11547] ", "T11547")]
    public void A_vendor_task_tag_is_read_as_the_caller(string stamp, string context)
    {
        var line = Single(stamp + Text);
        Assert.Equal(Text, line.Text);
        Assert.Equal(context, line.Context);
    }

    [Theory]
    [InlineData("<4> hello", " hello")]                                                   // the blank is the kernel's
    [InlineData("[    2.345000] [0:0:0:0]    disk    ATA", "[0:0:0:0]    disk    ATA")]  // a SCSI address is no task tag
    [InlineData("[    2.345000] [5:x:1] short", "[5:x:1] short")]
    [InlineData("[Sat is not a date] x", "[Sat is not a date] x")]
    public void Look_alikes_keep_their_text(string raw, string text)
    {
        var line = Single(raw);
        Assert.Null(line.Context);
        Assert.Equal(text, line.Text);
    }
}
