using System.Buffers;
using System.Buffers.Text;

namespace PanicLens.Server.Receiving;

/// <summary>
/// Cuts a TCP syslog byte stream into messages, by either framing of RFC 6587, chosen per message: octet counting
/// (`LEN SP MSG`, what rsyslog sends with `TCP_Framing="octet-counted"`) when it starts with a digit, else
/// newline-terminated (what `logger --tcp` and most senders use). Bounded: a message longer than the limit is
/// skipped whole (its count, or up to its newline) and counted as a drop, never buffered.
/// </summary>
public sealed class SyslogFramer(int maxMessage)
{
    /// <summary>Digits of a length: 64 KiB messages need 5, anything past 9 is not a frame.</summary>
    private const int MaxCountDigits = 9;

    private long skip;
    private bool discardingLine;

    public long Dropped { get; private set; }

    /// <summary>The next whole message of <paramref name="buffer"/>, advancing it; false when more bytes are needed.</summary>
    public bool TryRead(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> message)
    {
        message = default;
        while (true)
        {
            if (skip > 0)
            {
                var take = Math.Min(skip, buffer.Length);
                buffer = buffer.Slice(take);
                skip -= take;
                if (skip > 0)
                    return false;
            }
            if (discardingLine)
            {
                if (buffer.PositionOf((byte)'\n') is not { } end)
                {
                    buffer = buffer.Slice(buffer.End);
                    return false;
                }
                buffer = buffer.Slice(buffer.GetPosition(1, end));
                discardingLine = false;
            }
            if (buffer.IsEmpty)
                return false;
            var first = buffer.FirstSpan[0];
            if (first is (byte)'\n' or (byte)'\r')
            {
                buffer = buffer.Slice(1);
                continue;
            }
            if (first is >= (byte)'1' and <= (byte)'9')
            {
                switch (TryCounted(ref buffer, out message))
                {
                    case Frame.Whole:
                        return true;
                    case Frame.NeedMore:
                        return false;
                    case Frame.Skipped:
                        continue;
                }
            }
            return TryLine(ref buffer, out message);
        }
    }

    private enum Frame { Whole, NeedMore, Skipped, NotCounted }

    private Frame TryCounted(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> message)
    {
        message = default;
        Span<byte> digits = stackalloc byte[MaxCountDigits + 1];
        var head = buffer.Slice(0, Math.Min(buffer.Length, digits.Length));
        head.CopyTo(digits);
        var space = digits[..(int)head.Length].IndexOf((byte)' ');
        if (space < 0)
            return head.Length < digits.Length && digits[..(int)head.Length].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
                ? Frame.NeedMore : Frame.NotCounted;
        if (!Utf8Parser.TryParse(digits[..space], out long length, out var used) || used != space)
            return Frame.NotCounted;
        if (length > maxMessage)
        {
            Dropped++;
            buffer = buffer.Slice(space + 1);
            skip = length;
            return Frame.Skipped;
        }
        if (buffer.Length < space + 1 + length)
            return Frame.NeedMore;
        message = buffer.Slice(space + 1, length);
        buffer = buffer.Slice(space + 1 + length);
        return Frame.Whole;
    }

    private bool TryLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> message)
    {
        message = default;
        if (buffer.PositionOf((byte)'\n') is not { } end)
        {
            if (buffer.Length > maxMessage)
            {
                Dropped++;
                discardingLine = true;
                buffer = buffer.Slice(buffer.End);
            }
            return false;
        }
        message = buffer.Slice(0, end);
        buffer = buffer.Slice(buffer.GetPosition(1, end));
        return true;
    }

    /// <summary>What is left when the sender closed: a last message without its newline.</summary>
    public bool TryReadLast(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> message)
    {
        message = default;
        if (skip > 0 || discardingLine || buffer.IsEmpty)
            return false;
        if (buffer.Length > maxMessage)
        {
            Dropped++;
            return false;
        }
        message = buffer;
        buffer = buffer.Slice(buffer.End);
        return true;
    }
}
