using System.Text;
using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Ingest;

public sealed class LineReaderTests
{
    [Fact]
    public void Crlf_cr_nul_and_ansi_garbage_are_removed_and_line_numbers_kept()
    {
        var bytes = Encoding.Latin1.GetBytes("one\r\n\u001b[1;31mtwo\u001b[0m\r\r\nth\0ree\u0007\nlast");
        var lines = LineReader.Read(new MemoryStream(bytes)).ToList();
        Assert.Equal(["one", "two", "three", "last"], lines.Select(l => l.Text));
        Assert.Equal([1, 2, 3, 4], lines.Select(l => l.Number));
    }

    [Fact]
    public void A_log_mixing_two_prefix_styles_reads_alike()
    {
        var log = "2017-01-14 01:04:26\tOops: 0000 [#1] SMP\nJan 14 01:04:27 h kernel: [ 5.1] CPU 0 \n[ 5.2] Call Trace:\n";
        var texts = LineReader.Read(log).Select(l => l.Text).ToList();
        Assert.Equal(["Oops: 0000 [#1] SMP", "CPU 0 ", "Call Trace:"], texts);
    }

    /// <summary>Mail and web archives turn runs of spaces into no-break spaces, in UTF-8 or Latin-1, anywhere on a line.</summary>
    [Theory]
    [InlineData(new byte[] { 0xC2, 0xA0 })]
    [InlineData(new byte[] { 0xA0 })]
    public void No_break_spaces_read_as_spaces(byte[] nbsp)
    {
        foreach (var chunk in new[] { 1, 2, 3, 4096 })
        {
            var bytes = new List<byte>();
            void Add(string text) => bytes.AddRange(Encoding.Latin1.GetBytes(text));
            Add("[");
            bytes.AddRange(nbsp);
            Add(" 538.29] CPU: 47 PID: 26 Comm: find Tainted: P");
            for (int i = 0; i < 3; i++)
                bytes.AddRange(nbsp);
            Add("OE 5.15.0-46-generic #49\n");
            var lines = LineReader.Read(new ChunkedStream([.. bytes], chunk)).ToList();
            Assert.Equal("CPU: 47 PID: 26 Comm: find Tainted: P   OE 5.15.0-46-generic #49", lines[0].Text);
            Assert.NotNull(lines[0].Uptime);
        }
    }

    [Fact]
    public void Bytes_above_ascii_become_one_char_each()
    {
        var lines = LineReader.Read(new MemoryStream([0xE4, 0xB8, 0xAD, (byte)'x', (byte)'\n'])).ToList();
        Assert.Equal(4, lines[0].Text.Length);
    }

    [Fact]
    public void An_overlong_line_is_cut_to_the_bound_and_the_next_line_survives()
    {
        var log = new string('a', LineReader.MaxLineLength * 3) + "\nnext\n";
        var lines = LineReader.Read(log).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(LineReader.MaxLineLength, lines[0].Text.Length);
        Assert.Equal("next", lines[1].Text);
    }

    [Fact]
    public void Empty_input_yields_no_line()
    {
        Assert.Empty(LineReader.Read(new MemoryStream()));
    }

    [Fact]
    public void Chunked_reads_give_the_same_lines_as_one_read()
    {
        var log = File.ReadAllBytes(RepoPaths.Example("xen-dom0-inet-diag.log"));
        var whole = LineReader.Read(new MemoryStream(log)).ToList();
        foreach (var chunk in new[] { 1, 7, 4096 })
        {
            var chunked = LineReader.Read(new ChunkedStream(log, chunk)).ToList();
            Assert.Equal(whole, chunked);
        }
    }

    /// <summary>A stream that hands out at most <c>chunk</c> bytes per read, as a slow serial line does.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
