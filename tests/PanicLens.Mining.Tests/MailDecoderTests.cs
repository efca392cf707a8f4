using System.Text;
using PanicLens.Mining.Mail;

namespace PanicLens.Mining.Tests;

public sealed class MailDecoderTests
{
    private static string Decode(string raw, int maxText = MailDecoder.DefaultMaxText) =>
        Encoding.Latin1.GetString(new MailDecoder(maxText).Decode(Encoding.Latin1.GetBytes(raw)).Text);

    [Fact]
    public void Plain_body_is_kept_as_sent_with_its_quoting_and_wrapping()
    {
        var body = "> [   68.1] CPU: 6 UID: 1000 PID: 4704 Comm:\n>  cat Tainted: G     U   6.14.4 #2\n";
        Assert.Equal(body, Decode("Subject: oops\nFrom: a@b\n\n" + body));
    }

    [Fact]
    public void Quoted_printable_soft_breaks_join_the_line_and_escapes_become_bytes()
    {
        var raw = "Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n" +
                  "Call Tr=\nace:\n a=3Db+0x1/0x2 caf=C3=A9=\r\n!\n";
        Assert.Equal("Call Trace:\n a=b+0x1/0x2 caf\u00c3\u00a9!\n", Decode(raw));
    }

    [Fact]
    public void A_bad_quoted_printable_escape_is_kept_as_sent()
    {
        var raw = "Content-Transfer-Encoding: quoted-printable\n\nRIP=ZZ 50%=\n";
        Assert.Equal("RIP=ZZ 50%", Decode(raw));
    }

    [Fact]
    public void Base64_text_part_is_decoded()
    {
        var text = "BUG: kernel NULL pointer dereference\nRIP: 0010:foo+0x1/0x2\n";
        var encoded = Convert.ToBase64String(Encoding.ASCII.GetBytes(text));
        var raw = $"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{encoded[..20]}\n{encoded[20..]}\n";
        Assert.Equal(text, Decode(raw));
    }

    [Fact]
    public void Alternative_takes_the_plain_part_and_not_the_html()
    {
        var raw = "Content-Type: multipart/alternative; boundary=\"XX\"\n\npreamble\n--XX\nContent-Type: text/plain\n\nplain trace\n" +
                  "--XX\nContent-Type: text/html\n\n<p>html trace</p>\n--XX--\nepilogue\n";
        Assert.Equal("plain trace", Decode(raw));
    }

    [Fact]
    public void Mixed_keeps_a_text_attachment_and_skips_a_binary_one()
    {
        var log = Convert.ToBase64String(Encoding.ASCII.GetBytes("Call Trace:\n dump_stack+0x1/0x2\n"));
        var png = Convert.ToBase64String([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]);
        var raw = "Content-Type: multipart/mixed;\n boundary=b1\n\n--b1\nContent-Type: text/plain\n\nsee the log\n" +
                  "--b1\nContent-Type: application/octet-stream; name=dmesg.txt\nContent-Transfer-Encoding: base64\n\n" + log + "\n" +
                  "--b1\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n" + png + "\n" +
                  "--b1\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n" + png + "\n--b1--\n";
        Assert.Equal("see the log\nCall Trace:\n dump_stack+0x1/0x2\n", Decode(raw));
    }

    [Fact]
    public void Nested_multipart_inside_mixed_is_read()
    {
        var raw = "Content-Type: multipart/mixed; boundary=outer\n\n--outer\nContent-Type: multipart/alternative; boundary=inner\n\n" +
                  "--inner\nContent-Type: text/plain\n\ninner text\n--inner--\n--outer--\n";
        Assert.Equal("inner text", Decode(raw));
    }

    [Fact]
    public void Text_past_the_cap_is_cut_and_marked()
    {
        var body = new MailDecoder(10).Decode(Encoding.ASCII.GetBytes("\n0123456789ABCDEF"));
        Assert.True(body.Truncated);
        Assert.Equal("0123456789", Encoding.ASCII.GetString(body.Text));
    }

    [Fact]
    public void Folded_headers_are_unfolded()
    {
        var body = new MailDecoder().Decode(Encoding.ASCII.GetBytes("Subject: [syzbot] KASAN:\n\tuse-after-free\nMessage-ID: <x@y>\n\nbody"));
        Assert.Equal("[syzbot] KASAN: use-after-free", body.Subject);
        Assert.Equal("<x@y>", body.MessageId);
    }

    [Fact]
    public void Binary_content_does_not_look_like_text_but_a_log_does()
    {
        Assert.False(MailDecoder.LooksLikeText([0x41, 0x00, 0x42]));
        Assert.True(MailDecoder.LooksLikeText("[ 1.0] BUG: x\r\n\tfoo\n"u8));
    }
}
