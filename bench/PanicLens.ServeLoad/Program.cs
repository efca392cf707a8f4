using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

// Load harness for `paniclens serve`: starts the real binary as a child process on loopback (SQLite in a temp folder),
// then sends from this process, for a bounded time, syslog lines over TCP (octet-counted, several connections) or
// UDP, with a crash (the seed log) spliced in every N lines under a host of its own. At the end it reads /metrics
// and the API: lines sent vs received, crashes sent vs stored, drops, the delay from each crash's last line sent to
// its storing, and to its alert: the server posts a `new-host` webhook (JSON, no rate limit here) to a listener in
// this process for every crash, each under a host of its own.
//
// RATE (lines/s over all connections) paces the senders; 0 sends as fast as the server takes them, which keeps every
// socket buffer full, so a crash's delay then measures the buffers (megabytes of backlog) more than the server.
// SPOOL is passed to `--spool` (`none` for a run without one).
//
//   dotnet run -c Release --project bench/PanicLens.ServeLoad -- PANICLENS_DLL [tcp|udp] [SECONDS] [CONNECTIONS] [CRASH_EVERY] [RATE] [SPOOL]
var dll = args.Length > 0 ? args[0] : throw new ArgumentException("usage: PANICLENS_DLL [tcp|udp] [SECONDS] [CONNECTIONS] [CRASH_EVERY] [RATE] [SPOOL]");
var transport = args.Length > 1 ? args[1] : "tcp";
var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10;
var connections = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4;
var crashEvery = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 100_000;
var rate = args.Length > 5 ? double.Parse(args[5], CultureInfo.InvariantCulture) : 0;
var spoolArgument = args.Length > 6 ? $" --spool {args[6]}" : "";

var root = FindRoot();
var seed = File.ReadAllLines(Path.Combine(root, "examples", "xen-dom0-inet-diag.log"), Encoding.Latin1)
    .Select(l => l.IndexOf('\t') is var t and > 0 ? l[(t + 1)..] : l).ToArray();
var folder = Directory.CreateTempSubdirectory("paniclens-load-").FullName;
var (http, syslog, hook) = (FreePort(), FreePort(), FreePort());
const string token = "load-token";
// Alerts: the first crash opens a new bucket, every later one is a new host; the rate is lifted so none is suppressed.
var config = Path.Combine(folder, "serve.json");
File.WriteAllText(config, $$"""{"webhooks":[{"url":"http://127.0.0.1:{{hook}}/hook","format":"json","on":["new-bucket","new-host"],"perMinute":1000000}]}""");
var alerted = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTime>();
using var listener = new HttpListener();
listener.Prefixes.Add($"http://127.0.0.1:{hook}/");
listener.Start();
_ = Task.Run(async () =>
{
    while (listener.IsListening)
    {
        HttpListenerContext context;
        try
        {
            context = await listener.GetContextAsync();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            return;
        }
        var at = DateTime.UtcNow;
        using (var reader = new StreamReader(context.Request.InputStream))
        using (var alert = JsonDocument.Parse(await reader.ReadToEndAsync()))
            if (alert.RootElement.TryGetProperty("host", out var alertHost) && alertHost.GetString() is { } name)
                alerted.TryAdd(name, at);
        context.Response.StatusCode = 204;
        context.Response.Close();
    }
});
var start = new ProcessStartInfo("dotnet", $"{dll} serve --db {folder}/load.db --config {config} --http 127.0.0.1:{http} --syslog-{transport} {syslog}{spoolArgument}")
{
    RedirectStandardError = true,
    RedirectStandardOutput = true,
    UseShellExecute = false,
};
start.Environment["PANICLENS_TOKEN"] = token;
using var server = Process.Start(start)!;
server.ErrorDataReceived += (_, _) => { };
server.OutputDataReceived += (_, _) => { };
server.BeginErrorReadLine();
server.BeginOutputReadLine();
using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") };
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
for (var i = 0; i < 300 && !(await Healthy(client)); i++)
    await Task.Delay(100);

var crashLastLine = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTime>();
long sent = 0, crashes = 0;
var until = DateTime.UtcNow.AddSeconds(seconds);
var senders = Enumerable.Range(0, connections).Select(c => Task.Run(() =>
{
    var buffer = new MemoryStream();
    using var tcp = transport == "tcp" ? new TcpClient("127.0.0.1", syslog) { NoDelay = false } : null;
    using var udp = transport == "udp" ? new UdpClient() : null;
    udp?.Connect("127.0.0.1", syslog);
    var stream = tcp?.GetStream();
    long n = 0;
    var clock = Stopwatch.StartNew();
    while (DateTime.UtcNow < until)
    {
        // Paced: this connection's share of RATE, checked every 1000 lines.
        while (rate > 0 && n / (rate / connections) > clock.Elapsed.TotalSeconds)
            Thread.Sleep(1);
        for (var i = 0; i < 1000; i++, n++)
        {
            if (n % crashEvery == crashEvery - 1)
            {
                var host = $"crash-{c}-{n}";
                foreach (var line in seed)
                    Write(buffer, host, line);
                Flush(buffer, stream, udp);
                crashLastLine[host] = DateTime.UtcNow;
                Interlocked.Increment(ref crashes);
                Interlocked.Add(ref sent, seed.Length);
            }
            Write(buffer, $"noise-{c}", $"[ {n / 1000}.{n % 1000:D6}] eth0: rx packet {n} accepted by filter table mangle chain PREROUTING");
            if (udp is not null)
                Flush(buffer, stream, udp);
        }
        Flush(buffer, stream, udp);
        Interlocked.Add(ref sent, 1000);
    }
})).ToArray();
await Task.WhenAll(senders);
var sendSeconds = seconds;

// Wait for the server to catch up: received lines stop growing and every crash is stored (or 30 s pass).
long received = 0, stored = 0;
for (var wait = 0; wait < 300; wait++)
{
    var metrics = await client.GetStringAsync("/metrics");
    var now = Metric(metrics, "paniclens_lines_total");
    stored = Metric(metrics, "paniclens_reports_total");
    if (now == received && stored >= crashes)
        break;
    received = now;
    await Task.Delay(100);
}
for (var wait = 0; wait < 50 && alerted.Count < crashLastLine.Count; wait++)
    await Task.Delay(100);
var final = await client.GetStringAsync("/metrics");
var delays = new List<double>();
var slowest = new List<(double Delay, double SentAt)>();
var began = until.AddSeconds(-seconds);
foreach (var (host, last) in crashLastLine)
{
    using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/v1/reports?host=" + host));
    foreach (var report in doc.RootElement.GetProperty("reports").EnumerateArray())
    {
        delays.Add((DateTime.Parse(report.GetProperty("receivedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) - last).TotalMilliseconds);
        slowest.Add((delays[^1], (last - began).TotalSeconds));
    }
}
delays.Sort();
Console.WriteLine($"transport {transport}, {connections} connections, {sendSeconds:F0} s, a crash every {crashEvery} lines");
Console.WriteLine($"lines sent {sent}, received {Metric(final, "paniclens_lines_total")} ({sent / sendSeconds:F0} lines/s offered)");
Console.WriteLine($"drops {Metric(final, "paniclens_drops_total")}, by the kernel {Metric(final, "paniclens_kernel_drops_total")}, parse errors {Metric(final, "paniclens_parse_errors_total")}");
Console.WriteLine($"crashes sent {crashes}, stored {Metric(final, "paniclens_reports_total")}");
if (delays.Count > 0)
{
    Console.WriteLine($"last line → stored: median {delays[delays.Count / 2]:F0} ms, 90th percentile {delays[delays.Count * 9 / 10]:F0} ms, max {delays[^1]:F0} ms");
    Console.WriteLine("slowest: " + string.Join(", ", slowest.OrderByDescending(s => s.Delay).Take(3).Select(s => $"{s.Delay:F0} ms (sent at {s.SentAt:F1} s)")));
}
var alertDelays = crashLastLine.Where(c => alerted.ContainsKey(c.Key)).Select(c => (alerted[c.Key] - c.Value).TotalMilliseconds).Order().ToList();
Console.WriteLine($"crashes alerted {alertDelays.Count} of {crashLastLine.Count}" + (alertDelays.Count == 0 ? "" :
    $"; last line → alert received: median {alertDelays[alertDelays.Count / 2]:F0} ms, 90th percentile {alertDelays[alertDelays.Count * 9 / 10]:F0} ms, max {alertDelays[^1]:F0} ms"));
server.Refresh();
Console.WriteLine($"server CPU {server.TotalProcessorTime.TotalSeconds:F1} s (user {server.UserProcessorTime.TotalSeconds:F1} s)");
server.Kill();
await server.WaitForExitAsync();
listener.Stop();
Directory.Delete(folder, recursive: true);

static void Write(MemoryStream buffer, string host, string line)
{
    var message = $"<4>1 2026-12-03T10:57:36Z {host} kernel - - - {line}";
    var bytes = Encoding.Latin1.GetBytes(message);
    var count = Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + " ");
    buffer.Write(count);
    buffer.Write(bytes);
}

static void Flush(MemoryStream buffer, NetworkStream? stream, UdpClient? udp)
{
    if (stream is not null)
        stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    else if (udp is not null && buffer.Length > 0)
    {
        // One message per datagram: strip the octet count again.
        var text = buffer.ToArray();
        var offset = 0;
        while (offset < text.Length)
        {
            var space = Array.IndexOf(text, (byte)' ', offset);
            var length = int.Parse(Encoding.ASCII.GetString(text, offset, space - offset), CultureInfo.InvariantCulture);
            udp.Send(text.AsSpan(space + 1, length));
            offset = space + 1 + length;
        }
    }
    buffer.SetLength(0);
}

static long Metric(string text, string name)
{
    long total = 0;
    foreach (var line in text.Split('\n'))
        if (line.StartsWith(name + "{", StringComparison.Ordinal))
            total += long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    return total;
}

static async Task<bool> Healthy(HttpClient client)
{
    try
    {
        return (await client.GetAsync("/healthz")).IsSuccessStatusCode;
    }
    catch (HttpRequestException)
    {
        return false;
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PanicLens.slnx")))
        dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("PanicLens.slnx not found");
}
