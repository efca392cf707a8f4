using System.Text;
using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Ingest;

/// <summary>z/VM's console cuts long lines at 80 columns behind its CPU column; they are joined back whatever wraps them further.</summary>
public sealed class ZvmConsoleWrapTests
{
    private const int Width = 80;

    private const string Task = "CPU: 0 PID: 50240 Comm: read_all Not tainted 5.4.0-rc7-next-20191118 #4 and a tail that goes past two widths of the console";

    [Theory]
    [InlineData("00: ", "", "\n", "")]
    [InlineData("01: ", "", "\r\n", "")]
    [InlineData("0A: ", "> ", "\n", "> ")]
    [InlineData("00: ", ">> ", "\r\n", ">> ")]
    // One quote depth spelled two ways in one thread (RFC 3676 §4.5 counts the marks), or indented by another width.
    [InlineData("00: ", ">> ", "\n", "> > ")]
    [InlineData("0A: ", "> > > ", "\r\n", ">>>")]
    [InlineData("00: ", "    ", "\n", "  ")]
    public void A_line_cut_at_the_console_width_is_joined_without_a_blank(string column, string quote, string end, string next)
    {
        foreach (var stamp in new[] { "[ 9777.709559] ", "[   60.590407] " })
        {
            var whole = stamp + Task;
            var log = new StringBuilder();
            var width = Width - column.Length;
            for (var at = 0; at < whole.Length; at += width)
            {
                // The console cut the line; the mail's layers in front of its column were added afterwards.
                var lead = at == 0 ? quote : next;
                log.Append(lead).Append(column).Append(whole.AsSpan(at, Math.Min(width, whole.Length - at))).Append(end);
            }
            log.Append(quote).Append(column).Append("[ 9777.709573] Hardware name: IBM 2964 N96 400 (z/VM 6.4.0)").Append(end);
            var lines = LineReader.Read(log.ToString()).ToList();
            Assert.Equal([Task, "Hardware name: IBM 2964 N96 400 (z/VM 6.4.0)"], lines.Select(l => l.Text));
            Assert.Equal(1, lines[0].Number);
        }
    }

    [Fact]
    public void A_full_width_line_followed_by_a_stamped_line_or_another_column_stays_whole()
    {
        var full = "00: [   60.590380] raw: 2000000000000000 000003d0830bc001 000003d0830bd548 00000";
        Assert.Equal(Width, full.Length);
        Assert.Equal(3, LineReader.Read(full + "\n00: [   60.590387] next\n01: tail of another CPU\n").Count());
        Assert.Equal(2, LineReader.Read(full + "\n01: 00000400\n").Count());
        // Unstamped, a full line cannot be told from a line that happens to fill the width.
        Assert.Equal(2, LineReader.Read("00: " + new string('x', 76) + "\n00: next\n").Count());
    }
}
