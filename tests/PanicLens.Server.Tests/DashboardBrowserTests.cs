using System.Net;
using System.Text;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace PanicLens.Server.Tests;

/// <summary>
/// The dashboard in a real headless Chromium (Debian `chromium` + `chromium-driver`, installed by `.ci/run`), driven
/// by Selenium: sign-in, the bucket list, the report page with its diagnosis, and a hostile log that must show as
/// text and run nothing.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private TestServer server = null!;
    private ChromeDriver browser = null!;

    public async Task InitializeAsync()
    {
        server = await TestServer.Start("sqlite");
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        browser.Quit();
        browser.Dispose();
        await server.DisposeAsync();
    }

    private string Url(string path) => new Uri(server.Server.Address, path).ToString();

    private void SignIn(string token)
    {
        browser.Navigate().GoToUrl(Url("/login"));
        browser.FindElement(By.Id("token")).SendKeys(token);
        browser.FindElement(By.Id("sign-in")).Click();
        // The form's post sets the cookie: wait for its answer (the dashboard, or the form again naming the problem)
        // so that the next navigation does not cancel it on a busy machine.
        WaitFor(() => browser.FindElements(By.Id("token")).Count == 0 || browser.FindElements(By.CssSelector("p.lossy")).Count > 0);
    }

    private async Task<long> Upload(string host, byte[] log)
    {
        using var response = await server.Http.PostAsync("/api/v1/logs?host=" + host, new ByteArrayContent(log));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("reports")[0].GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Without_a_token_the_dashboard_is_refused_and_shows_only_the_sign_in_form()
    {
        await Upload("web-01", File.ReadAllBytes(Replay.Seed));
        browser.Navigate().GoToUrl(Url("/"));
        Assert.Empty(browser.FindElements(By.Id("buckets")));
        Assert.NotEmpty(browser.FindElements(By.Id("token")));
        Assert.DoesNotContain("ipv6_addr_copy", browser.PageSource);
        SignIn("wrong-token");
        Assert.Empty(browser.FindElements(By.Id("buckets")));
    }

    [Fact]
    public async Task The_dashboard_lists_buckets_and_the_report_page_shows_the_diagnosis_first()
    {
        var id = await Upload("web-01", File.ReadAllBytes(Replay.Seed));
        SignIn(TestServer.ViewerToken);
        var table = browser.FindElement(By.Id("buckets"));
        Assert.Contains("BUG: unable to handle kernel paging request in ipv6_addr_copy", table.Text);
        Assert.Contains("web-01", browser.FindElement(By.Id("hosts")).Text);
        table.FindElement(By.LinkText("BUG: unable to handle kernel paging request in ipv6_addr_copy")).Click();
        browser.FindElement(By.LinkText("#" + id)).Click();
        var diagnosis = browser.FindElement(By.CssSelector("section.diagnosis"));
        Assert.Contains("Trigger", diagnosis.Text);
        Assert.Contains("ffff8802ea75bb00", diagnosis.Text);
        Assert.Contains("inet-diag-ipv4-synrecv-on-ipv6-listener", diagnosis.Text);
        // The diagnosis comes before the call trace and the raw log.
        var html = browser.PageSource;
        Assert.True(html.IndexOf("class=\"diagnosis\"", StringComparison.Ordinal) < html.IndexOf("class=\"frames\"", StringComparison.Ordinal));
        var guilty = browser.FindElement(By.CssSelector(".frames .guilty"));
        Assert.StartsWith("IP: ipv6_addr_copy+0x9/0x19 [inet_diag]", guilty.Text);
        Assert.NotEmpty(browser.FindElements(By.CssSelector(".frames .unreliable")));
        Screenshot("report");
    }

    [Fact]
    public async Task A_log_with_script_and_img_onerror_shows_as_text_and_runs_nothing()
    {
        var seed = File.ReadAllLines(Replay.Seed, Encoding.Latin1).ToList();
        seed.Insert(5, seed[4][..20] + "<script>document.title='pwned';window.pwned=1</script>");
        seed.Insert(6, seed[4][..20] + "<img src=x onerror=\"document.title='pwned';window.pwned=2\">");
        var id = await Upload("evil-01", Encoding.Latin1.GetBytes(string.Join("\n", seed) + "\n"));
        SignIn(TestServer.Token);
        browser.Navigate().GoToUrl(Url("/reports/" + id));
        var raw = browser.FindElement(By.CssSelector("pre.raw")).Text;
        Assert.Contains("<script>document.title='pwned';window.pwned=1</script>", raw);
        Assert.Contains("<img src=x onerror=", raw);
        Assert.Empty(browser.FindElements(By.CssSelector("main script")));
        Assert.Empty(browser.FindElements(By.CssSelector("main img")));
        Assert.DoesNotContain("pwned", browser.Title);
        Assert.Null(((IJavaScriptExecutor)browser).ExecuteScript("return window.pwned === undefined ? null : window.pwned;"));
    }

    [Fact]
    public async Task A_copy_button_puts_the_mitigation_command_on_the_clipboard_and_runs_no_log_text()
    {
        var seed = File.ReadAllLines(Replay.Seed, Encoding.Latin1).ToList();
        seed.Insert(5, seed[4][..20] + "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">");
        var id = await Upload("evil-02", Encoding.Latin1.GetBytes(string.Join("\n", seed) + "\n"));
        SignIn(TestServer.ViewerToken);
        AllowClipboard();
        browser.Navigate().GoToUrl(Url("/reports/" + id));
        var buttons = browser.FindElements(By.CssSelector("section.diagnosis .command button.copy"));
        Assert.True(buttons.Count >= 3, $"{buttons.Count} copy buttons");
        var button = buttons[1];
        var command = button.FindElement(By.XPath("preceding-sibling::pre[1]")).GetAttribute("textContent");
        Assert.Contains("ps -eo pid,ppid,user,lstart,args", command);
        button.Click();
        WaitFor(() => button.Text == "Copied");
        Assert.Equal(command, ReadClipboard());
        // Every button clicked: still nothing of the log ran.
        foreach (var each in buttons)
            each.Click();
        Assert.Null(((IJavaScriptExecutor)browser).ExecuteScript("return window.pwned === undefined ? null : window.pwned;"));
        Assert.Empty(browser.FindElements(By.CssSelector("main img")));
    }

    [Fact]
    public async Task Analyze_html_and_the_report_page_show_the_same_diagnosis_and_the_file_runs_only_its_copy_script()
    {
        var seed = File.ReadAllLines(Replay.Seed, Encoding.Latin1).ToList();
        seed.Insert(5, seed[4][..20] + "<script>document.title='pwned';window.pwned=1</script>");
        seed.Insert(6, seed[4][..20] + "<img src=x onerror=\"window.pwned=2\"> \" onmouseover=\"window.pwned=3\" x='");
        var log = Encoding.Latin1.GetBytes(string.Join("\n", seed) + "\n");
        var id = await Upload("web-03", log);
        var page = await server.Http.GetStringAsync("/reports/" + id);
        var file = Path.Combine(Path.GetTempPath(), $"paniclens-{Guid.NewGuid():N}.html");
        try
        {
            var output = new MemoryStream();
            Assert.Equal(0, PanicLens.Cli.PanicLensApp.Run(["analyze", "--format", "html", "-"], new PanicLens.Cli.CliIo(new MemoryStream(log), output, new StringWriter())));
            File.WriteAllBytes(file, output.ToArray());
            var html = Encoding.UTF8.GetString(output.ToArray());
            Assert.Equal(Section(page), Section(html));
            Assert.Contains("Mitigations", Section(html));

            AllowClipboard();
            browser.Navigate().GoToUrl(new Uri(file).AbsoluteUri);
            Assert.Contains("ipv6_addr_copy", browser.Title);
            Assert.Contains("<script>document.title='pwned';window.pwned=1</script>", browser.FindElement(By.CssSelector("pre.raw")).Text);
            var button = browser.FindElement(By.CssSelector("button.copy"));
            button.Click();
            // The inline copy script runs (its hash is in the file's policy) and reacts to the click.
            WaitFor(() => button.GetAttribute("data-copied") is "yes" or "no");
            Assert.Null(((IJavaScriptExecutor)browser).ExecuteScript("return window.pwned === undefined ? null : window.pwned;"));
            Assert.DoesNotContain("pwned", browser.Title);
            Assert.Empty(browser.FindElements(By.CssSelector("main img, main script, [onmouseover]")));
            Screenshot("analyze-html");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_dashboard_draws_a_bucket_trend_for_the_last_30_days_and_the_hosts_last_boot()
    {
        await Upload("web-01", File.ReadAllBytes(Replay.Seed));
        // Lines without the capture's date: the report is dated when received, today.
        await Upload("web-04", Encoding.Latin1.GetBytes(string.Join("\n", Replay.KernelLines(Replay.Seed)) + "\n"));
        SignIn(TestServer.ViewerToken);
        var trend = browser.FindElement(By.CssSelector("#buckets svg.trend"));
        Assert.Equal("1", trend.GetAttribute("data-total"));
        var bar = Assert.Single(trend.FindElements(By.TagName("rect")));
        Assert.Equal("87", bar.GetAttribute("x"));
        Assert.Equal("2", browser.FindElement(By.CssSelector("#buckets td")).Text);
        // A scan of web-01's log read its boot banner: the hosts table shows it.
        using (var store = PanicLens.Storage.CrashStores.Open(server.StoreUri))
            store.Record(new PanicLens.Storage.FileRecord(new PanicLens.Storage.StoredFile("web-01", "8:1", "42", "/var/log/web-01.log", "h", 0, 0, 0, 0, "none"), [])
            {
                Boots = [new PanicLens.Storage.HostBoot("web-01", "2026-12-01T08:00:00", "6.1.0-13-amd64")],
            });
        browser.Navigate().Refresh();
        Assert.Equal("Last boot", browser.FindElements(By.CssSelector("#hosts th"))[5].Text);
        var web01 = browser.FindElements(By.CssSelector("#hosts tr")).Single(row => row.Text.StartsWith("web-01", StringComparison.Ordinal));
        Assert.Equal(["2026-12-01T08:00:00", "6.1.0-13-amd64"], web01.FindElements(By.TagName("td")).Skip(5).Select(td => td.Text));
        Screenshot("dashboard");
        browser.FindElement(By.CssSelector("#buckets td a")).Click();
        Assert.Equal("1", browser.FindElement(By.CssSelector("svg.trend")).GetAttribute("data-total"));
        Assert.Equal(2, browser.FindElements(By.CssSelector("#reports tr")).Count - 1);
    }

    private static string Section(string html)
    {
        var start = html.IndexOf("<section class=\"diagnosis\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no diagnosis section");
        return html[start..(html.IndexOf("</section>", start, StringComparison.Ordinal) + "</section>".Length)];
    }

    /// <summary>Lets the page read the clipboard back (headless Chromium asks no one).</summary>
    private void AllowClipboard()
    {
        browser.ExecuteCdpCommand("Browser.grantPermissions", new Dictionary<string, object?>
        {
            ["permissions"] = new[] { "clipboardReadWrite", "clipboardSanitizedWrite" },
        });
    }

    private string? ReadClipboard() => (string?)((IJavaScriptExecutor)browser).ExecuteAsyncScript(
        "var done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, function (e) { done('error: ' + e); });");

    private static void WaitFor(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for the page");
            Thread.Sleep(50);
        }
    }

    private void Screenshot(string name)
    {
        var folder = Environment.GetEnvironmentVariable("PANICLENS_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
            return;
        Directory.CreateDirectory(folder);
        browser.GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
    }
}
