using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PanicLens.Server.Api;
using PanicLens.Storage;

namespace PanicLens.Server.Dashboard;

/// <summary>
/// The dashboard, served by the process itself as plain HTML (no script, no frontend build): buckets by count or by
/// recency with hosts and kernels, hosts with their last crash, a bucket's reports, a report page. A browser signs in
/// once at `/login` (the token goes into an HttpOnly, SameSite=Strict cookie); without a token every page is refused.
/// </summary>
public static class DashboardPages
{
    public static void Map(IEndpointRouteBuilder app, ICrashStore store, TokenCheck tokens)
    {
        var pages = app.MapGroup("").AddEndpointFilterFactory((_, next) => async context =>
            tokens.Of(context.HttpContext) == TokenCheck.Access.None ? Login("A token is needed to see this page.", 401) : await next(context));

        pages.MapGet("/", (string? sort, string? host) => Home(store, sort == "recent", host));
        pages.MapGet("/buckets/{id}", (string id) => Bucket(store, id));
        pages.MapGet("/reports/{id:long}", (long id) => Report(store, id));

        app.MapGet("/login", () => Login(null, 200));
        app.MapPost("/login", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var token = form["token"].ToString();
            if (tokens.Of(token) == TokenCheck.Access.None)
                return Login("That token is not known.", 401);
            http.Response.Cookies.Append(TokenCheck.Cookie, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Path = "/",
            });
            return Results.Redirect("/");
        }).DisableAntiforgery();
    }

    private static IResult Login(string? problem, int status)
    {
        var page = new Page("Sign in");
        page.Element("h1", "Sign in");
        if (problem is not null)
            page.Element("p", problem, "lossy");
        page.Raw("<form method=\"post\" action=\"/login\"><label>Token <input type=\"password\" name=\"token\" id=\"token\" autocomplete=\"off\"></label> <button type=\"submit\" id=\"sign-in\">Sign in</button></form>");
        return page.Result(status);
    }

    private static IResult Home(ICrashStore store, bool byRecency, string? host)
    {
        var buckets = store.Buckets(new BucketFilter(Host: host)).ToList();
        if (byRecency)
            buckets.Sort((a, b) => string.CompareOrdinal(b.LastSeen, a.LastSeen));
        var page = new Page("Crashes");
        page.Element("h1", host is null ? "Crash buckets" : "Crash buckets of " + host);
        page.Raw("<p>Order: ").Link(host is null ? "/" : "/?host=" + Uri.EscapeDataString(host), "by count").Raw(" · ")
            .Link("/?sort=recent" + (host is null ? "" : "&host=" + Uri.EscapeDataString(host)), "by recency").Raw("</p>");
        page.Raw("<table id=\"buckets\"><tr><th>Count</th><th>Title</th><th>Hosts</th><th>Kernels</th><th>First seen</th><th>Last seen</th><th>Known issue</th></tr>");
        foreach (var bucket in buckets)
        {
            page.Raw("<tr><td>").Text(bucket.Count.ToString(CultureInfo.InvariantCulture)).Raw("</td><td>")
                .Link("/buckets/" + Uri.EscapeDataString(bucket.Id), bucket.Title).Raw("</td>");
            page.Element("td", string.Join(", ", bucket.Hosts.Take(5)) + (bucket.Hosts.Count > 5 ? $" +{bucket.Hosts.Count - 5}" : ""))
                .Element("td", string.Join(", ", bucket.Kernels.Take(3)))
                .Element("td", bucket.FirstSeen).Element("td", bucket.LastSeen).Element("td", bucket.KnownIssue ?? "");
            page.Raw("</tr>");
        }
        page.Raw("</table>");
        if (buckets.Count == 0)
            page.Element("p", "No crash stored yet.", "muted");
        page.Element("h2", "Hosts");
        page.Raw("<table id=\"hosts\"><tr><th>Host</th><th>Reports</th><th>Last crash</th><th>Title</th><th>Kernel</th></tr>");
        foreach (var summary in store.Hosts())
        {
            page.Raw("<tr><td>").Link("/?host=" + Uri.EscapeDataString(summary.Name), summary.Name).Raw("</td>");
            page.Element("td", summary.Reports.ToString(CultureInfo.InvariantCulture)).Element("td", summary.LastCrash)
                .Element("td", summary.LastTitle).Element("td", summary.LastKernel);
            page.Raw("</tr>");
        }
        page.Raw("</table>");
        return page.Result();
    }

    private static IResult Bucket(ICrashStore store, string id)
    {
        if (store.FindBucket(id) is not { } bucket)
            return NotFound("No such bucket.");
        var page = new Page(bucket.Title);
        page.Element("h1", bucket.Title);
        page.Element("p", $"{bucket.Type} · {bucket.Count} reports · hosts {string.Join(", ", bucket.Hosts)} · kernels {string.Join(", ", bucket.Kernels)} · first {bucket.FirstSeen} · last {bucket.LastSeen}", "muted");
        page.Raw("<table id=\"reports\"><tr><th>Report</th><th>Host</th><th>Logged</th><th>Kernel</th></tr>");
        foreach (var report in store.BucketReports(id, 100))
        {
            page.Raw("<tr><td>").Link("/reports/" + report.Id.ToString(CultureInfo.InvariantCulture), "#" + report.Id.ToString(CultureInfo.InvariantCulture)).Raw("</td>");
            page.Element("td", report.Host).Element("td", report.Timestamp ?? report.FoundAt).Element("td", report.Kernel);
            page.Raw("</tr>");
        }
        page.Raw("</table>");
        return page.Result();
    }

    private static IResult Report(ICrashStore store, long id)
    {
        if (store.FindReport(id) is not { } report)
            return NotFound("No such report.");
        var page = new Page(report.Title);
        ReportView.Write(page, report, store.Sources(id));
        return page.Result();
    }

    private static IResult NotFound(string what)
    {
        var page = new Page("Not found");
        page.Element("h1", what);
        return page.Result(404);
    }
}
