using System.Text;

namespace PanicLens.Mining.Checking;

/// <summary>
/// A mined file as lines, numbered as <see cref="PanicLens.Ingest.LineReader"/> numbers them (split on LF, 1-based),
/// Latin-1 so that every byte is one char. Bounded: a file is read up to <see cref="MaxBytes"/>.
/// </summary>
public sealed class MailText
{
    public const int MaxBytes = 8 << 20;

    private readonly string[] lines;

    public MailText(byte[] bytes)
    {
        Bytes = bytes;
        lines = Encoding.Latin1.GetString(bytes).Split('\n');
        for (var i = 0; i < lines.Length; i++)
            lines[i] = lines[i].TrimEnd('\r');
    }

    public byte[] Bytes { get; }

    public int Count => lines.Length;

    /// <summary>Line <paramref name="number"/> (1-based), or an empty string past the end.</summary>
    public string this[int number] => number >= 1 && number <= lines.Length ? lines[number - 1] : "";

    public static MailText Load(string path)
    {
        using var stream = File.OpenRead(path);
        var length = (int)Math.Min(stream.Length, MaxBytes);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return new MailText(bytes);
    }

    /// <summary>Lines <paramref name="from"/>..<paramref name="to"/> (inclusive, clipped to the text) joined by LF.</summary>
    public string Excerpt(int from, int to)
    {
        from = Math.Max(from, 1);
        to = Math.Min(to, lines.Length);
        return from > to ? "" : string.Join('\n', lines[(from - 1)..to]);
    }
}
