using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PanicLens.Storage.Tests;

namespace PanicLens.Server.Tests;

/// <summary>
/// The real `paniclens serve` process killed with SIGKILL while logs are being uploaded, then started again on the same
/// store: every upload answered 200 before the kill is there, and nothing is stored twice when the client sends the one
/// in flight again. (Live streams killed the same way: <see cref="SpoolKillTests"/>.)
/// </summary>
public sealed class KillTests
{
    internal static Process Serve(string db, int port, string more = "")
    {
        var start = new ProcessStartInfo("dotnet", $"{Path.Combine(AppContext.BaseDirectory, "paniclens.dll")} serve --db {db} --http 127.0.0.1:{port} {more}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PANICLENS_TOKEN"] = TestServer.Token;
        var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    internal static async Task Healthy(HttpClient client)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail("serve did not become healthy");
    }

    [Fact]
    public async Task Uploads_acknowledged_before_a_kill_9_are_stored_once_after_a_restart()
    {
        using var stores = new TestStores();
        var db = stores.NewSqlite();
        var port = FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestServer.Token);
        var seed = File.ReadAllText(Replay.Seed, Encoding.Latin1);
        var acknowledged = new List<string>();
        var serve = Serve(db, port);
        await Healthy(client);
        var killer = Task.Run(async () =>
        {
            await Task.Delay(3000);
            serve.Kill(entireProcessTree: true);
        });
        string? inFlight = null;
        for (var i = 0; i < 10_000 && !serve.HasExited; i++)
        {
            var host = $"kill-{i}";
            inFlight = host;
            try
            {
                using var response = await client.PostAsync("/api/v1/logs?host=" + host, new StringContent(seed));
                if (response.StatusCode == HttpStatusCode.OK)
                    acknowledged.Add(host);
            }
            catch (HttpRequestException)
            {
                break;
            }
        }
        await killer;
        await serve.WaitForExitAsync();
        Assert.NotEmpty(acknowledged);

        using var again = Serve(db, port);
        try
        {
            await Healthy(client);
            if (inFlight is not null)
                (await client.PostAsync("/api/v1/logs?host=" + inFlight, new StringContent(seed))).EnsureSuccessStatusCode();
            var reports = await ReportHosts(client);
            foreach (var host in acknowledged)
                Assert.Contains(host, reports);
            Assert.Equal(reports.Count, reports.Distinct().Count());
        }
        finally
        {
            again.Kill(entireProcessTree: true);
            await again.WaitForExitAsync();
        }
    }

    /// <summary>The host of every stored report, reading every page (a fast machine stores more than one page holds).</summary>
    internal static async Task<List<string>> ReportHosts(HttpClient client)
    {
        var reports = new List<string>();
        for (long? before = null; ;)
        {
            var page = JsonDocument.Parse(await client.GetStringAsync("/api/v1/reports?limit=500" + (before is null ? "" : "&before=" + before))).RootElement;
            reports.AddRange(page.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("host").GetString()!));
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
                return reports;
            before = page.GetProperty("next").GetInt64();
        }
    }

    internal static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
