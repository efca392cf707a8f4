using System.Text;
using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Ingest;

/// <summary>journalctl and syslog write the month in the locale's abbreviation; consoles pad stamps on both sides.</summary>
public sealed class LocalizedSyslogTests
{
    [Theory]
    [InlineData("mai 17 10:22:54 hyperion kernel: ")]
    [InlineData("Mär 08 18:06:50 pureos kernel: ")]
    [InlineData("janv. 3 18:06:50 host kernel: ")]
    [InlineData("Okt  4 18:06:50 host kernel: ")]
    [InlineData("févr. 12 18:06:50.123456 host kernel: ")]
    public void A_localized_syslog_date_is_stripped_with_its_host_and_tag(string prefix)
    {
        // Read as the bytes a UTF-8 log holds.
        var line = LineReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(prefix + "WARNING: CPU: 1 PID: 285 at net/x.c:1 f+0x1/0x2\n"))).Single();
        Assert.Equal("WARNING: CPU: 1 PID: 285 at net/x.c:1 f+0x1/0x2", line.Text);
        Assert.Equal("kernel", line.Origin);
    }

    [Theory]
    [InlineData("Meeting 17 10:22:54 about the crash")]
    [InlineData("mai 17 10:22:54 was when it died")]
    public void Free_text_with_a_word_and_a_clock_stays(string text)
    {
        Assert.Equal(text, LineReader.Read(text + "\n").Single().Text);
    }

    [Theory]
    [InlineData("[   72.835674 ] WARNING: CPU: 0 PID: 1193 at f+0x1/0x2")]
    [InlineData("[   72.835674] WARNING: CPU: 0 PID: 1193 at f+0x1/0x2")]
    public void An_uptime_padded_on_the_right_is_stripped(string raw)
    {
        var line = LineReader.Read(raw + "\n").Single();
        Assert.Equal("WARNING: CPU: 0 PID: 1193 at f+0x1/0x2", line.Text);
        Assert.Equal("72.835674", line.Uptime);
    }
}
