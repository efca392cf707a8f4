using System.Text;

namespace PanicLens.Presentation.Html;

/// <summary>
/// An HTML page being written. Every text that is not our own markup goes through <see cref="Text"/> (HTML-encoded,
/// quotes included, so it is safe in attributes too): logs are written by whoever can make a kernel print, so a
/// `&lt;script&gt;` in a log is text on the page. A page ends either as served by `serve` (<see cref="Served"/>: the
/// copy script from the same origin) or as one self-contained file (<see cref="SelfContained"/>: the script inline,
/// allowed by its hash in a CSP meta tag). Either way no other script can run.
/// </summary>
public sealed class HtmlPage(string title, string? home = "/")
{
    private readonly StringBuilder body = new();

    /// <summary>Our own markup, never outside text.</summary>
    public HtmlPage Raw(string markup)
    {
        body.Append(markup);
        return this;
    }

    public HtmlPage Text(string? text)
    {
        body.Append(Encode(text ?? ""));
        return this;
    }

    /// <summary>
    /// The five characters that can end text or a quoted attribute become references; C0 controls other than tab and
    /// newline (a console's escape sequences, NUL) become U+FFFD; everything else stays as it is (the page is UTF-8).
    /// </summary>
    public static string Encode(string text)
    {
        var plain = true;
        foreach (var c in text)
            plain &= c is not ('&' or '<' or '>' or '"' or '\'' or '\x7f') && (c >= ' ' || c is '\n' or '\t');
        if (plain)
            return text;
        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\n' or '\t' => c.ToString(),
                < ' ' or '\x7f' => "\uFFFD",
                _ => c.ToString(),
            });
        return encoded.ToString();
    }

    public HtmlPage Element(string tag, string? text, string? cssClass = null)
    {
        body.Append('<').Append(tag);
        if (cssClass is not null)
            body.Append(" class=\"").Append(cssClass).Append('"');
        body.Append('>');
        Text(text);
        body.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A link to one of our pages; the path's variable parts are URL-encoded by the caller.</summary>
    public HtmlPage Link(string path, string? text)
    {
        body.Append("<a href=\"").Append(Encode(path)).Append("\">");
        Text(text);
        body.Append("</a>");
        return this;
    }

    /// <summary>A command block: the text in a `pre` (selectable whole with one click) and its copy button.</summary>
    public HtmlPage Command(string? command)
    {
        body.Append("<div class=\"command\">");
        Element("pre", command);
        body.Append("<button type=\"button\" class=\"copy\">Copy</button></div>");
        return this;
    }

    /// <summary>The page as `serve` sends it (the CSP comes as a header: <see cref="PageSecurity.ServedPolicy"/>).</summary>
    public string Served() =>
        Head(null) + $"<script src=\"{PageSecurity.ScriptPath}\" defer></script></head><body>{Chrome()}{body}</main></body></html>";

    /// <summary>One file that needs nothing else: inline style, the copy script inline, a CSP meta tag.</summary>
    public string SelfContained() =>
        Head(PageSecurity.FilePolicy) + $"<script>{PageSecurity.CopyScript}</script></head><body>{Chrome()}{body}</main></body></html>";

    private string Head(string? policy)
    {
        var head = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        if (policy is not null)
            head.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(policy).Append("\">");
        head.Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(Encode(title))
            .Append(" · PanicLens</title><style>").Append(PageStyle.Css).Append("</style>");
        return head.ToString();
    }

    private string Chrome() => home is null
        ? "<header><span>PanicLens</span></header><main>"
        : $"<header><a href=\"{Encode(home)}\">PanicLens</a></header><main>";
}
