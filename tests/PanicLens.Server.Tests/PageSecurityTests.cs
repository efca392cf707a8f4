using System.Net;

namespace PanicLens.Server.Tests;

/// <summary>The dashboard's headers: a policy that lets only the same-origin copy script run, served without a token.</summary>
public sealed class PageSecurityTests : IAsyncLifetime
{
    private TestServer server = null!;

    public async Task InitializeAsync() => server = await TestServer.Start("sqlite");

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Pages_allow_script_only_from_their_origin_and_the_copy_script_needs_no_token()
    {
        using var page = await server.Http.GetAsync("/");
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'none'; script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/assets/copy.js\" defer></script>", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script"));

        using var anonymous = new HttpClient { BaseAddress = server.Server.Address };
        using var script = await anonymous.GetAsync("/assets/copy.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join("", script.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("navigator.clipboard.writeText", await script.Content.ReadAsStringAsync());
        // The dashboard itself still needs the token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/")).StatusCode);
    }
}
