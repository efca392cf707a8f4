using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PanicLens.Presentation.Html;
using PanicLens.Presentation.Reports;
using PanicLens.Server.Api;
using PanicLens.Storage;

namespace PanicLens.Server.Dashboard;

/// <summary>
/// The dashboard, served by the process itself as server-rendered HTML (no frontend build; one same-origin script, for
/// the copy buttons): buckets by count or by recency with their 30-day trend, hosts and kernels, hosts with their last
/// crash and last boot, a bucket's reports, a report page. A browser signs in once at `/login` (the token goes into an
/// HttpOnly, SameSite=Strict cookie); without a token every page is refused.
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

        app.MapGet(PageSecurity.ScriptPath, PageResults.CopyScript);
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
        var page = new HtmlPage("Sign in");
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
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var trends = new Dictionary<string, List<(string, long)>>(StringComparer.Ordinal);
        foreach (var day in store.BucketDays(new BucketFilter(Since: Sparkline.Since(today), Host: host)))
            (trends.TryGetValue(day.BucketId, out var list) ? list : trends[day.BucketId] = []).Add((day.Day, day.Count));
        var page = new HtmlPage("Crashes");
        page.Element("h1", host is null ? "Crash buckets" : "Crash buckets of " + host);
        page.Raw("<p>Order: ").Link(host is null ? "/" : "/?host=" + Uri.EscapeDataString(host), "by count").Raw(" · ")
            .Link("/?sort=recent" + (host is null ? "" : "&host=" + Uri.EscapeDataString(host)), "by recency").Raw("</p>");
        page.Raw("<table id=\"buckets\"><tr><th>Count</th><th>Last 30 days</th><th>Title</th><th>Hosts</th><th>Kernels</th><th>First seen</th><th>Last seen</th><th>Known issue</th></tr>");
        foreach (var bucket in buckets)
        {
            page.Raw("<tr><td>").Text(bucket.Count.ToString(CultureInfo.InvariantCulture)).Raw("</td><td>");
            Sparkline.Write(page, Sparkline.Counts(trends.GetValueOrDefault(bucket.Id) ?? [], today));
            page.Raw("</td><td>").Link("/buckets/" + Uri.EscapeDataString(bucket.Id), bucket.Title).Raw("</td>");
            page.Element("td", string.Join(", ", bucket.Hosts.Take(5)) + (bucket.Hosts.Count > 5 ? $" +{bucket.Hosts.Count - 5}" : ""))
                .Element("td", string.Join(", ", bucket.Kernels.Take(3)))
                .Element("td", bucket.FirstSeen).Element("td", bucket.LastSeen).Element("td", bucket.KnownIssue ?? "");
            page.Raw("</tr>");
        }
        page.Raw("</table>");
        if (buckets.Count == 0)
            page.Element("p", "No crash stored yet.", "muted");
        page.Element("h2", "Hosts");
        page.Raw("<table id=\"hosts\"><tr><th>Host</th><th>Reports</th><th>Last crash</th><th>Title</th><th>Kernel</th><th>Last boot</th><th>Booted</th></tr>");
        foreach (var summary in store.Hosts())
        {
            page.Raw("<tr><td>").Link("/?host=" + Uri.EscapeDataString(summary.Name), summary.Name).Raw("</td>");
            page.Element("td", summary.Reports.ToString(CultureInfo.InvariantCulture)).Element("td", summary.LastCrash)
                .Element("td", summary.LastTitle).Element("td", summary.LastKernel)
                .Element("td", summary.LastBoot).Element("td", summary.LastBootKernel);
            page.Raw("</tr>");
        }
        page.Raw("</table>");
        return page.Result();
    }

    private static IResult Bucket(ICrashStore store, string id)
    {
        if (store.FindBucket(id) is not { } bucket)
            return NotFound("No such bucket.");
        var page = new HtmlPage(bucket.Title);
        page.Element("h1", bucket.Title);
        page.Element("p", $"{bucket.Type} · {bucket.Count} reports · hosts {string.Join(", ", bucket.Hosts)} · kernels {string.Join(", ", bucket.Kernels)} · first {bucket.FirstSeen} · last {bucket.LastSeen}", "muted");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var days = store.BucketDays(new BucketFilter(Since: Sparkline.Since(today))).Where(d => d.BucketId == id).Select(d => (d.Day, d.Count));
        page.Raw("<p>Last 30 days: ");
        Sparkline.Write(page, Sparkline.Counts(days, today));
        page.Raw("</p><table id=\"reports\"><tr><th>Report</th><th>Host</th><th>Logged</th><th>Kernel</th></tr>");
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
        var page = new HtmlPage(report.Title);
        ReportView.Write(page, Heading(report, store.Sources(id)), report.ReportJson, report.RawText);
        return page.Result();
    }

    private static ReportHeading Heading(StoredReport report, IReadOnlyList<ReportSource> sources)
    {
        var id = report.Id.ToString(CultureInfo.InvariantCulture);
        return new ReportHeading(report.Title, [
            new(report.Type),
            new(report.Host, "/?host=" + Uri.EscapeDataString(report.Host)),
            new("kernel " + (report.Kernel ?? "unknown")),
            new("logged " + (report.Timestamp ?? "—")),
            new("received " + (sources.Count > 0 ? sources[0].ReceivedAt : report.FoundAt)),
            new("bucket " + report.BucketId, "/buckets/" + Uri.EscapeDataString(report.BucketId)),
            new("report #" + id),
        ])
        {
            Sources = sources.Count == 0 ? [new("scan of " + report.Path)]
                : [.. sources.Select(s => new ReportFact(s.Source + (s.Lossy ? " (lossy)" : ""), Lossy: s.Lossy))],
        };
    }

    private static IResult NotFound(string what)
    {
        var page = new HtmlPage("Not found");
        page.Element("h1", what);
        return page.Result(404);
    }
}
