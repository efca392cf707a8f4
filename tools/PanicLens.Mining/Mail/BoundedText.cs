namespace PanicLens.Mining.Mail;

/// <summary>The decoded text of a mail, part after part, that stops growing at a cap.</summary>
public sealed class BoundedText(int max)
{
    private readonly MemoryStream bytes = new();

    public bool Truncated { get; private set; }

    /// <summary>Appends a part, with a newline between parts so that two parts never share a line.</summary>
    public void Append(ReadOnlySpan<byte> part)
    {
        if (bytes.Length > 0 && bytes.Length < max)
            bytes.WriteByte((byte)'\n');
        var room = max - (int)bytes.Length;
        if (part.Length > room)
        {
            Truncated = true;
            part = part[..Math.Max(room, 0)];
        }
        bytes.Write(part);
    }

    public byte[] ToArray() => bytes.ToArray();
}
