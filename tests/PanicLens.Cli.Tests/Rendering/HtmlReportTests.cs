using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PanicLens.Cli.Tests.Rendering;

/// <summary>`analyze --format html`: one self-contained page, every log text encoded, several reports in one page.</summary>
public sealed class HtmlReportTests
{
    private static string Seed => RepoPaths.Example("xen-dom0-inet-diag.log");

    /// <summary>The seed with hostile lines inside its report: markup, an event handler, quotes that would close an attribute.</summary>
    public static string HostileSeed()
    {
        var lines = File.ReadAllLines(Seed, Encoding.Latin1).ToList();
        var prefix = lines[4][..20];
        lines.Insert(5, prefix + "<script>document.title='pwned';window.pwned=1</script>");
        lines.Insert(6, prefix + "<img src=x onerror=\"document.title='pwned';window.pwned=2\">");
        lines.Insert(7, prefix + "<b>bold</b> \" onmouseover=\"window.pwned=3\" x='y' & done");
        return string.Join("\n", lines) + "\n";
    }

    [Fact]
    public void Hostile_log_text_stays_text_and_no_resource_is_loaded()
    {
        var run = CliRun.WithStdin(HostileSeed(), "analyze", "--format", "html", "-");
        Assert.Equal(0, run.ExitCode);
        var html = run.Stdout;
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("&lt;script&gt;document.title=&#39;pwned&#39;", html);
        Assert.Contains("&lt;img src=x onerror=&quot;document.title", html);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &quot; onmouseover=&quot;window.pwned=3&quot; x=&#39;y&#39; &amp; done", html);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onmouseover=\"", html, StringComparison.Ordinal);
        // Our one script, inline, and nothing fetched: no src, no stylesheet link, no external address in an attribute.
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.DoesNotMatch(new Regex(@"\s(src|href)=""(https?:|//)", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Encoding_turns_markup_characters_into_references_and_control_characters_into_replacements()
    {
        Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;", PanicLens.Presentation.Html.HtmlPage.Encode("<a href=\"x\" title='y'>&amp;"));
        Assert.Equal("esc\uFFFD[31m nul\uFFFD tab\tline\n 中文 \u00e9", PanicLens.Presentation.Html.HtmlPage.Encode("esc\u001b[31m nul\0 tab\tline\n 中文 \u00e9"));
    }

    [Fact]
    public void The_policy_allows_exactly_the_inline_copy_script_by_its_hash()
    {
        var html = CliRun.Invoke("analyze", "--format", "html", Seed).Stdout;
        var policy = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").Groups[1].Value;
        Assert.StartsWith("default-src 'none'; script-src 'sha256-", policy);
        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("navigator.clipboard", script);
        var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        Assert.Contains($"script-src '{hash}';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("eval(", script);
        Assert.DoesNotContain("innerHTML", script);
    }

    [Fact]
    public void One_page_holds_every_report_of_the_run_with_contents_and_copyable_mitigations()
    {
        var second = Path.GetTempFileName();
        try
        {
            // Two crashes of the seed in one log, a second log beside it: three reports in one page.
            var seed = File.ReadAllText(Seed, Encoding.Latin1);
            File.WriteAllText(second, seed + seed, Encoding.Latin1);
            var run = CliRun.Invoke("analyze", "--format", "html", Seed, second);
            Assert.Equal(0, run.ExitCode);
            var html = run.Stdout;
            Assert.Contains("3 crash reports in 2 logs", html);
            Assert.Equal(3, Regex.Matches(html, "<article id=\"report-\\d\">").Count);
            Assert.Equal(3, Regex.Matches(html, "<li><a href=\"#report-\\d\">BUG: unable to handle kernel paging request in ipv6_addr_copy</a>").Count);
            Assert.Equal(3, Regex.Matches(html, "<section class=\"diagnosis\">").Count);
            Assert.Contains("\nss -lnt\nss -nt\nPROC_ROOT=/proc ss -ant\nnetstat -ant</pre><button", html);
            Assert.Contains("<button type=\"button\" class=\"copy\">Copy</button>", html);
            Assert.Contains("<li class=\"guilty\">IP: ipv6_addr_copy+0x9/0x19 [inet_diag]  \u2190 guilty</li>", html);
        }
        finally
        {
            File.Delete(second);
        }
    }
}
