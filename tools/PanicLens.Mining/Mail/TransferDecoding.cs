namespace PanicLens.Mining.Mail;

/// <summary>
/// Undoes a Content-Transfer-Encoding (RFC 2045 §6). Tolerant as mail readers are: a bad escape is kept as sent,
/// characters outside the base64 alphabet are skipped; nothing here throws on bad input.
/// </summary>
public static class TransferDecoding
{
    public static byte[] Decode(ReadOnlySpan<byte> body, string encoding) => encoding switch
    {
        "quoted-printable" => QuotedPrintable(body),
        "base64" => Base64(body),
        _ => body.ToArray(),
    };

    /// <summary>RFC 2045 §6.7: `=XX` is a byte, `=` at the end of a line is a soft break that joins the lines.</summary>
    public static byte[] QuotedPrintable(ReadOnlySpan<byte> body)
    {
        var output = new byte[body.Length];
        var length = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (b != (byte)'=')
            {
                output[length++] = b;
                continue;
            }
            var rest = body[(i + 1)..];
            var blanks = 0;
            while (blanks < rest.Length && (rest[blanks] == (byte)' ' || rest[blanks] == (byte)'\t'))
                blanks++;
            if (blanks < rest.Length && rest[blanks] == (byte)'\r')
                blanks++;
            if (blanks < rest.Length && rest[blanks] == (byte)'\n')
            {
                i += blanks + 1;
                continue;
            }
            if (rest.Length >= 2 && HexValue(rest[0]) >= 0 && HexValue(rest[1]) >= 0)
            {
                output[length++] = (byte)(HexValue(rest[0]) << 4 | HexValue(rest[1]));
                i += 2;
                continue;
            }
            output[length++] = b;
        }
        return output[..length];
    }

    /// <summary>RFC 2045 §6.8, skipping line breaks and any stray character; stops at the first padding.</summary>
    public static byte[] Base64(ReadOnlySpan<byte> body)
    {
        var output = new byte[body.Length / 4 * 3 + 3];
        var length = 0;
        int bits = 0, count = 0;
        foreach (var b in body)
        {
            if (b == (byte)'=')
                break;
            var value = Base64Value(b);
            if (value < 0)
                continue;
            bits = bits << 6 | value;
            count++;
            if (count == 4)
            {
                output[length++] = (byte)(bits >> 16);
                output[length++] = (byte)(bits >> 8);
                output[length++] = (byte)bits;
                bits = 0;
                count = 0;
            }
        }
        if (count == 3)
        {
            output[length++] = (byte)(bits >> 10);
            output[length++] = (byte)(bits >> 2);
        }
        else if (count == 2)
            output[length++] = (byte)(bits >> 4);
        return output[..length];
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };

    private static int Base64Value(byte b) => b switch
    {
        >= (byte)'A' and <= (byte)'Z' => b - 'A',
        >= (byte)'a' and <= (byte)'z' => b - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => b - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => -1,
    };
}
