using System.Buffers;
using System.Text;
using PanicLens.Server.Receiving;

namespace PanicLens.Server.Tests;

public sealed class SyslogMessageTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 12, 0, 0);

    [Fact]
    public void Rfc3164_gives_host_tag_message_and_a_time_in_this_year()
    {
        Assert.True(SyslogMessage.TryParse("<4>Dec  3 10:57:36 web-01 kernel: [ 4552.564718] BUG: x", "10.0.0.1", Now, out var m));
        Assert.Equal(("web-01", "kernel", "[ 4552.564718] BUG: x"), (m.Host, m.Tag, m.Message));
        Assert.Equal("2026-12-03T10:57:36 web-01 kernel: [ 4552.564718] BUG: x", m.ToConsoleLine());
    }

    [Fact]
    public void Rfc3164_from_december_read_in_january_is_last_year()
    {
        Assert.True(SyslogMessage.TryParse("<4>Dec 31 23:59:59 web-01 kernel: x", "s", new DateTime(2027, 1, 1, 0, 0, 5), out var m));
        Assert.StartsWith("2026-12-31T23:59:59", m.ToConsoleLine());
    }

    [Fact]
    public void Rfc3164_without_a_host_takes_the_senders_address()
    {
        Assert.True(SyslogMessage.TryParse("<6>kernel: eth0 up", "10.0.0.9", Now, out var m));
        Assert.Equal(("10.0.0.9", "kernel", "eth0 up"), (m.Host, m.Tag, m.Message));
    }

    [Fact]
    public void Rfc5424_skips_structured_data_with_escaped_brackets_and_a_bom()
    {
        Assert.True(SyslogMessage.TryParse("<4>1 2026-12-03T10:57:36.1Z web-02 kernel 77 - [x@1 a=\"b\\]c\"][y@2 d=\"e\"] \uFEFFWARNING: y",
            "s", Now, out var m));
        Assert.Equal(("2026-12-03T10:57:36.1Z", "web-02", "kernel[77]", "WARNING: y"), (m.Timestamp, m.Host, m.Tag, m.Message));
    }

    [Theory]
    [InlineData("no pri at all")]
    [InlineData("<999>1 x")]
    [InlineData("<4>1 2026 host app")]
    [InlineData("<4>1 - - - - - [unterminated")]
    public void Malformed_messages_are_refused_without_an_exception(string text) =>
        Assert.False(SyslogMessage.TryParse(text, "s", Now, out _));
}

public sealed class SyslogFramerTests
{
    private static List<string> Frame(byte[] bytes, int chunk, int max = 1000)
    {
        var framer = new SyslogFramer(max);
        var messages = new List<string>();
        var pending = new List<byte>();
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            pending.AddRange(bytes.Skip(offset).Take(chunk));
            var buffer = new ReadOnlySequence<byte>(pending.ToArray());
            while (framer.TryRead(ref buffer, out var message))
                messages.Add(Encoding.Latin1.GetString(message));
            pending = [.. buffer.ToArray()];
        }
        var rest = new ReadOnlySequence<byte>(pending.ToArray());
        if (framer.TryReadLast(ref rest, out var last))
            messages.Add(Encoding.Latin1.GetString(last));
        return messages;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Octet_counted_and_newline_frames_mix_and_survive_any_chunking(int chunk)
    {
        string Counted(string message) => $"{message.Length} {message}";
        var bytes = Encoding.Latin1.GetBytes(Counted("<4>1 a\nb c") + "<4>newline one\n" + Counted("<4>x 12 3 4 5") + "<4>last without newline");
        Assert.Equal(["<4>1 a\nb c", "<4>newline one", "<4>x 12 3 4 5", "<4>last without newline"], Frame(bytes, chunk));
    }

    [Fact]
    public void An_oversized_frame_is_skipped_whole_and_the_next_one_read()
    {
        var big = new string('x', 50);
        var bytes = Encoding.Latin1.GetBytes($"50 {big}5 <4>ok{new string('y', 60)}\n<4>after\n");
        Assert.Equal(["<4>ok", "<4>after"], Frame(bytes, 9, max: 40));
    }
}

public sealed class NetconsoleRecordTests
{
    [Fact]
    public void An_extended_record_gives_sequence_time_and_message_without_its_dictionary()
    {
        Assert.True(NetconsoleRecord.TryParse("4,1234,4552564718,-;BUG: x\n SUBSYSTEM=pci\n DEVICE=+pci:0000:00:1f.0", out var r));
        Assert.Equal((1234UL, 4552564718UL, "BUG: x", false), (r.Sequence, r.MicroSeconds, r.Message, r.IsFragment));
        Assert.Equal("[ 4552.564718] BUG: x", NetconsoleRecord.ConsoleLine(r.MicroSeconds, r.Message));
    }

    [Fact]
    public void A_fragment_keeps_its_offset_and_total()
    {
        Assert.True(NetconsoleRecord.TryParse("6,9,100,c,ncfrag=1000/1300;rest of it", out var r));
        Assert.Equal((1000, 1300, "rest of it"), (r.FragmentOffset, r.FragmentTotal, r.Message));
    }

    [Theory]
    [InlineData("[ 4552.564718] BUG: plain console text; with a semicolon")]
    [InlineData("4,x,100,-;not a number")]
    [InlineData("4,1,100,-,ncfrag=5/3;offset past total")]
    public void Plain_or_malformed_text_is_not_an_extended_record(string datagram) =>
        Assert.False(NetconsoleRecord.TryParse(datagram, out _));
}
