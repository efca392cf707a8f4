namespace PanicLens.Server.Streaming;

/// <summary>
/// How far a followed file (`--follow`) was read, as the spool keeps it: the file's identity (device and inode, and the
/// SHA-256 of its first <see cref="HeadLength"/> bytes, so a reused inode or a rewritten file is another file) and the
/// offset after its last complete line handed to the collector.
/// </summary>
public sealed record FollowPosition(string Path, string Device, string Inode, string HeadHash, int HeadLength, long Offset)
{
    /// <summary>The spool record's text (the path is its host field).</summary>
    public string Format() => string.Join('\t', Device, Inode, HeadHash,
        HeadLength.ToString(System.Globalization.CultureInfo.InvariantCulture), Offset.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Reads <see cref="Format"/>'s text back; null when it is not one (a damaged record).</summary>
    public static FollowPosition? Parse(string path, string text)
    {
        var fields = text.Split('\t');
        return fields.Length == 5
            && int.TryParse(fields[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var headLength)
            && long.TryParse(fields[4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset)
            ? new FollowPosition(path, fields[0], fields[1], fields[2], headLength, offset)
            : null;
    }
}
