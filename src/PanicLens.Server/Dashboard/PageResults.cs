using Microsoft.AspNetCore.Http;
using PanicLens.Presentation.Html;

namespace PanicLens.Server.Dashboard;

/// <summary>Sends an <see cref="HtmlPage"/> with the pages' security headers; the copy script it loads, from the same origin.</summary>
public static class PageResults
{
    public static IResult Result(this HtmlPage page, int status = StatusCodes.Status200OK) =>
        new PageResult(page.Served(), status, "text/html; charset=utf-8");

    /// <summary>`/assets/copy.js`: no token needed, it holds no data.</summary>
    public static IResult CopyScript() => new PageResult(PageSecurity.CopyScript, StatusCodes.Status200OK, "text/javascript; charset=utf-8");

    private sealed class PageResult(string body, int status, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = contentType;
            http.Response.Headers.ContentSecurityPolicy = PageSecurity.ServedPolicy;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return http.Response.WriteAsync(body);
        }
    }
}
