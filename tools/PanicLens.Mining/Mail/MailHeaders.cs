using System.Text;

namespace PanicLens.Mining.Mail;

/// <summary>
/// The header block of one message or MIME part (RFC 5322 §2.2): unfolded, names compared without case. Values are
/// Latin-1 text as sent; encoded words (RFC 2047) are left encoded, they only name the mail in the index.
/// </summary>
public sealed class MailHeaders
{
    private readonly List<(string Name, string Value)> fields = [];

    /// <summary>Reads the headers of <paramref name="raw"/> and returns where the body starts (after the blank line).</summary>
    public static MailHeaders Read(ReadOnlySpan<byte> raw, out int bodyStart)
    {
        var headers = new MailHeaders();
        var current = new StringBuilder();
        var position = 0;
        bodyStart = raw.Length;
        while (position < raw.Length)
        {
            var newline = raw[position..].IndexOf((byte)'\n');
            var end = newline < 0 ? raw.Length : position + newline;
            var line = raw[position..end];
            if (line.Length > 0 && line[^1] == (byte)'\r')
                line = line[..^1];
            position = newline < 0 ? raw.Length : end + 1;
            if (line.IsEmpty)
            {
                bodyStart = position;
                break;
            }
            if ((line[0] == (byte)' ' || line[0] == (byte)'\t') && current.Length > 0)
            {
                current.Append(' ').Append(Encoding.Latin1.GetString(line.Trim((byte)' ').Trim((byte)'\t')));
                continue;
            }
            headers.Add(current);
            current.Clear().Append(Encoding.Latin1.GetString(line));
        }
        headers.Add(current);
        return headers;
    }

    /// <summary>The first value of header <paramref name="name"/>, or an empty string.</summary>
    public string this[string name]
    {
        get
        {
            foreach (var (fieldName, value) in fields)
                if (string.Equals(fieldName, name, StringComparison.OrdinalIgnoreCase))
                    return value;
            return "";
        }
    }

    /// <summary>The media type of Content-Type in lower case (`text/plain` when absent, RFC 2045 §5.2).</summary>
    public string MediaType
    {
        get
        {
            var value = this["Content-Type"];
            var semicolon = value.IndexOf(';');
            var type = (semicolon < 0 ? value : value[..semicolon]).Trim().ToLowerInvariant();
            return type.Length == 0 ? "text/plain" : type;
        }
    }

    /// <summary>The Content-Transfer-Encoding in lower case (`7bit` when absent).</summary>
    public string TransferEncoding
    {
        get
        {
            var value = this["Content-Transfer-Encoding"].Trim().ToLowerInvariant();
            return value.Length == 0 ? "7bit" : value;
        }
    }

    /// <summary>A parameter of a structured header (`boundary`, `name`, `filename`), unquoted, or an empty string.</summary>
    public string Parameter(string header, string parameter)
    {
        var value = this[header];
        foreach (var piece in value.Split(';'))
        {
            var equals = piece.IndexOf('=');
            if (equals < 0 || !piece[..equals].Trim().Equals(parameter, StringComparison.OrdinalIgnoreCase))
                continue;
            return piece[(equals + 1)..].Trim().Trim('"');
        }
        return "";
    }

    private void Add(StringBuilder field)
    {
        var colon = field.Length == 0 ? -1 : field.ToString().IndexOf(':');
        if (colon <= 0)
            return;
        var text = field.ToString();
        fields.Add((text[..colon].Trim(), text[(colon + 1)..].Trim()));
    }
}
