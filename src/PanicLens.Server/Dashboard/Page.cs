using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace PanicLens.Server.Dashboard;

/// <summary>
/// An HTML page being written. Every text that is not our own markup goes through <see cref="Text"/> (HTML-encoded):
/// logs are written by whoever can make a kernel print, so a `&lt;script&gt;` in a log is text on the page. The
/// pages also carry a Content-Security-Policy that allows no script at all.
/// </summary>
public sealed class Page
{
    public const string Policy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private readonly StringBuilder html = new();

    public Page(string title)
    {
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
        Text(title).Raw(" · PanicLens</title><style>").Raw(Style).Raw("</style></head><body><header><a href=\"/\">PanicLens</a></header><main>");
    }

    /// <summary>Our own markup, never outside text.</summary>
    public Page Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    public Page Text(string? text)
    {
        html.Append(HtmlEncoder.Default.Encode(text ?? ""));
        return this;
    }

    public Page Element(string tag, string? text, string? cssClass = null)
    {
        html.Append('<').Append(tag);
        if (cssClass is not null)
            html.Append(" class=\"").Append(cssClass).Append('"');
        html.Append('>');
        Text(text);
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A link to one of our pages; the path's variable parts are URL-encoded.</summary>
    public Page Link(string path, string? text)
    {
        html.Append("<a href=\"").Append(HtmlEncoder.Default.Encode(path)).Append("\">");
        Text(text);
        html.Append("</a>");
        return this;
    }

    public IResult Result(int status = StatusCodes.Status200OK) =>
        new PageResult(html.ToString() + "</main></body></html>", status);

    private sealed class PageResult(string body, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.ContentSecurityPolicy = Policy;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return http.Response.WriteAsync(body);
        }
    }

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1f}header{background:#222;padding:.6em 1em}
        header a{color:#fff;font-weight:bold;text-decoration:none}main{padding:1em 2em;max-width:80em}
        table{border-collapse:collapse;width:100%;margin-bottom:2em}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
        th{background:#f4f4f4}pre{background:#f7f7f7;padding:.8em;overflow-x:auto;font-size:.85em}
        .frames li{font-family:monospace}.unreliable{color:#999}.guilty{font-weight:bold;background:#fff3c4}
        .diagnosis{border-left:4px solid #c0392b;padding:.2em 1em;margin-bottom:1.5em;background:#fdf2f0}
        .muted{color:#777}.lossy{color:#c0392b}dt{font-weight:bold;margin-top:.6em}
        """;
}
