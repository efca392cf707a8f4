using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace PanicLens.Server.Operations;

/// <summary>
/// Counters of the live path, by metric and receiver, written as Prometheus text at `/metrics`. Lock-free: receivers
/// bump them per line.
/// </summary>
public sealed class ServerMetrics
{
    /// <summary>Metric name → help text; a counter not named here cannot be bumped (a typo fails loudly in tests).</summary>
    private static readonly Dictionary<string, string> Help = new(StringComparer.Ordinal)
    {
        ["paniclens_lines_total"] = "Console lines received, by receiver.",
        ["paniclens_bytes_total"] = "Bytes received, by receiver.",
        ["paniclens_packets_total"] = "Datagrams, TCP messages, file reads or uploads received, by receiver.",
        ["paniclens_parse_errors_total"] = "Messages that could not be read (bad syslog header, bad netconsole header, bad frame).",
        ["paniclens_drops_total"] = "Lines or messages dropped (too long, queue full, connection refused, stream evicted).",
        ["paniclens_kernel_drops_total"] = "Datagrams the kernel dropped on the receiver's UDP socket, its buffer full (Linux /proc/net/udp drops).",
        ["paniclens_sequence_gaps_total"] = "Netconsole messages missing by sequence number.",
        ["paniclens_reports_total"] = "Crash reports completed in a stream and stored (new or already known).",
        ["paniclens_reports_new_total"] = "Crash reports stored for the first time.",
        ["paniclens_spool_replayed_total"] = "Completed reports not yet stored when the process stopped, queued again from the spool at start.",
        ["paniclens_store_errors_total"] = "Reports the store refused (each retried from the queue).",
        ["paniclens_alerts_total"] = "Webhook alerts by outcome (sent, retried, failed, suppressed by a rule's rate, dropped on a full queue).",
    };

    private readonly ConcurrentDictionary<(string Name, string Receiver), StrongBox> counters = new();
    /// <summary>Counters kept by someone else (the kernel), read when rendered.</summary>
    private readonly ConcurrentDictionary<(string Name, string Receiver), Func<long>> observed = new();

    /// <summary>Reports completed and waiting for the store.</summary>
    public Func<long> QueueDepth { get; set; } = () => 0;

    public void Add(string name, string receiver, long value = 1)
    {
        if (!Help.ContainsKey(name))
            throw new InvalidOperationException($"unknown metric {name}");
        Interlocked.Add(ref counters.GetOrAdd((name, receiver), _ => new StrongBox()).Value, value);
    }

    /// <summary>A counter someone else keeps, read at each <see cref="Render"/>.</summary>
    public void Observe(string name, string receiver, Func<long> read)
    {
        if (!Help.ContainsKey(name))
            throw new InvalidOperationException($"unknown metric {name}");
        observed[(name, receiver)] = read;
    }

    public long Get(string name, string receiver) =>
        observed.TryGetValue((name, receiver), out var read) ? read()
        : counters.TryGetValue((name, receiver), out var box) ? Interlocked.Read(ref box.Value) : 0;

    public string Render()
    {
        var text = new StringBuilder();
        var rows = counters.Select(c => (c.Key, Value: Interlocked.Read(ref c.Value.Value)))
            .Concat(observed.Select(o => (o.Key, Value: o.Value()))).ToArray();
        Array.Sort(rows, (a, b) => a.Key.CompareTo(b.Key));
        foreach (var (name, help) in Help.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            text.Append("# TYPE ").Append(name).Append(" counter\n");
            foreach (var row in rows)
                if (row.Key.Name == name)
                    text.Append(name).Append("{receiver=\"").Append(row.Key.Receiver).Append("\"} ")
                        .Append(row.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        text.Append("# HELP paniclens_queue_depth Completed reports waiting for the store.\n# TYPE paniclens_queue_depth gauge\n");
        text.Append("paniclens_queue_depth ").Append(QueueDepth().ToString(CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
