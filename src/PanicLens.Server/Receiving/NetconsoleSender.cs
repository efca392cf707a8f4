using System.Text;

namespace PanicLens.Server.Receiving;

/// <summary>
/// What the netconsole receiver remembers of one sending host: the last sequence number (gaps are lost messages),
/// fragments of messages being reassembled, and a plain datagram's unfinished last line. All bounded.
/// </summary>
internal sealed class NetconsoleSender(int maxMessage)
{
    /// <summary>Messages being reassembled at once; an older one still incomplete is dropped (its fragments were lost).</summary>
    private const int MaxAssemblies = 8;

    private readonly Dictionary<ulong, Assembly> assemblies = [];
    private readonly StringBuilder partial = new();
    private ulong? lastSequence;

    public long Dropped { get; private set; }

    /// <summary>Messages missing between the last sequence number and <paramref name="sequence"/>; a lower one is a reboot.</summary>
    public ulong Gap(ulong sequence)
    {
        var gap = lastSequence is { } last && sequence > last + 1 ? sequence - last - 1 : 0;
        if (lastSequence is null || sequence > lastSequence || sequence + 1024 < lastSequence)
            lastSequence = sequence;
        return gap;
    }

    /// <summary>Adds a fragment; returns the whole message when this completed it.</summary>
    public string? Assemble(NetconsoleRecord record)
    {
        if (record.FragmentTotal > maxMessage)
        {
            Dropped++;
            return null;
        }
        if (!assemblies.TryGetValue(record.Sequence, out var assembly))
        {
            if (assemblies.Count == MaxAssemblies)
            {
                assemblies.Remove(assemblies.Keys.Min());
                Dropped++;
            }
            assemblies[record.Sequence] = assembly = new Assembly(record.FragmentTotal);
        }
        if (!assembly.Add(record.FragmentOffset, record.Message))
        {
            assemblies.Remove(record.Sequence);
            Dropped++;
            return null;
        }
        if (!assembly.Complete)
            return null;
        assemblies.Remove(record.Sequence);
        return assembly.Text;
    }

    /// <summary>Splits plain console text into lines, keeping an unfinished last line for the next datagram.</summary>
    public List<string> Lines(string text, int maxLine)
    {
        var lines = new List<string>();
        var start = 0;
        while (text.IndexOf('\n', start) is var newline and >= 0)
        {
            partial.Append(text, start, Math.Min(newline - start, Math.Max(0, maxLine - partial.Length)));
            lines.Add(partial.ToString().TrimEnd('\r'));
            partial.Clear();
            start = newline + 1;
        }
        partial.Append(text, start, Math.Min(text.Length - start, Math.Max(0, maxLine - partial.Length)));
        return lines;
    }

    private sealed class Assembly(int total)
    {
        private readonly char[] text = new char[total];
        private int received;

        public bool Complete => received == total;
        public string Text => new(text);

        public bool Add(int offset, string part)
        {
            if (offset + part.Length > total)
                return false;
            part.CopyTo(0, text, offset, part.Length);
            received += part.Length;
            return true;
        }
    }
}
