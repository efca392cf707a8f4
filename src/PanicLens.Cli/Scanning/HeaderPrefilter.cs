using System.Buffers;
using System.Text;
using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Model;
using PanicLens.Parsing;

namespace PanicLens.Cli.Scanning;

/// <summary>
/// The scan's fast path: reads a log in blocks cut at line ends, looks for the detector's header literals in each
/// block with one vectorised multi-literal search, and hands the pipeline only runs of blocks around a header: the
/// block before it (a report's first lines may come before its header), the hot blocks, and
/// <see cref="TrailingBlocks"/> cold blocks after the last header (a report rarely runs longer; the detector caps one
/// at <see cref="CrashDetector.MaxLinesPerRegion"/> lines). A literal makes a block hot only when its line, stripped of
/// its prefixes, passes the detector's own header test (<see cref="HeaderScanner"/>): a cron job grepping for
/// "Kernel panic" costs one line's check, not a parse of the blocks around it. Every other block costs a widening
/// copy, the search and a newline count. Each run is read by a fresh pipeline; line numbers are the run's base plus
/// the pipeline's line.
/// </summary>
public sealed class HeaderPrefilter(Stream text, int blockSize = HeaderPrefilter.DefaultBlockSize) : IDisposable
{
    public const int DefaultBlockSize = 256 << 10;
    public const int TrailingBlocks = 3;

    /// <summary>
    /// Every header literal, and the trace hints of reports opened by a line's shape (a blocked task's dump): a line
    /// without one cannot open a report.
    /// </summary>
    private static readonly SearchValues<string> Literals = SearchValues.Create(
        [.. CrashHeaders.All.Select(h => h.Literal).Concat(CrashHeaders.TraceHints).Distinct()], StringComparison.Ordinal);

    /// <summary>The syslog tag of kernel lines; lines of other programs never open a report (as in the detector).</summary>
    private const string KernelOrigin = "kernel";

    /// <summary>
    /// Block buffers, reused in turn: at most three blocks are alive at once (a run's lead or last block, its current
    /// one, the hot one waiting), so memory stays a few blocks whatever the log's size. Rented: a scan of many small
    /// files must not churn the large-object heap.
    /// </summary>
    private readonly byte[][] ring = [Rent(blockSize), Rent(blockSize), Rent(blockSize), Rent(blockSize)];
    private long blocks;
    private readonly byte[] carry = Rent(blockSize);
    private int carried;
    private readonly char[] chars = ArrayPool<char>.Shared.Rent(blockSize);
    private bool ended;

    /// <summary>init/version.c's banner: the kernel of reports that print no release, whose boot lies in a skipped block.</summary>
    private const string BannerLiteral = "Linux version ";

    /// <summary>The boot banners of every block, read or skipped, by line of the whole read.</summary>
    public BootBanner Banners { get; } = new();

    /// <summary>Newlines in the blocks read so far.</summary>
    public long Lines { get; private set; }

    /// <summary>The runs to parse, in order; each must be read to its end before the next is asked for.</summary>
    public IEnumerable<HotRun> Runs()
    {
        Block? previous = null;
        while (NextBlock() is { } block)
        {
            if (!block.Hot)
            {
                previous = block;
                continue;
            }
            var run = new HotRun(this, previous, block);
            yield return run;
            // The run's last block is cold: re-read as the next run's lead it adds context, never a report.
            previous = run.Last;
        }
    }

    internal Block? NextBlock()
    {
        if (ended)
            return null;
        var bytes = ring[blocks++ % ring.Length];
        carry.AsSpan(0, carried).CopyTo(bytes);
        var length = carried;
        carried = 0;
        int read;
        while (length < blockSize && (read = text.Read(bytes, length, blockSize - length)) > 0)
            length += read;
        if (length == 0)
        {
            ended = true;
            return null;
        }
        var end = length;
        if (length == blockSize)
        {
            // Cut after the last newline; what follows starts the next block (a block without one is cut anywhere).
            var newline = bytes.AsSpan(0, length).LastIndexOf((byte)'\n');
            if (newline >= 0)
                end = newline + 1;
            carried = length - end;
            bytes.AsSpan(end, carried).CopyTo(carry);
        }
        else
            ended = true;
        var span = bytes.AsSpan(0, end);
        var block = new Block(bytes, end, Lines, Hot(span));
        ObserveBanners(span);
        Lines += span.Count((byte)'\n');
        return block;
    }

    private bool Hot(ReadOnlySpan<byte> bytes)
    {
        var count = Encoding.Latin1.GetChars(bytes, chars);
        var text = chars.AsSpan(0, count);
        var at = 0;
        int found;
        while ((found = text[at..].IndexOfAny(Literals)) >= 0)
        {
            var position = at + found;
            var start = text[..position].LastIndexOf('\n') + 1;
            var end = text[position..].IndexOf('\n') is var e and >= 0 ? position + e : text.Length;
            if (IsHeader(bytes[start..end]))
                return true;
            at = end;
        }
        return false;
    }

    /// <summary>The line as the pipeline will see it (the same reader cleans and strips it), tested as the detector does.</summary>
    private static bool IsHeader(ReadOnlySpan<byte> raw)
    {
        foreach (var line in LineReader.Read(new MemoryStream(raw.ToArray())))
            return (line.Origin is not { } origin || origin == KernelOrigin)
                && (HeaderScanner.Match(line.Text) is not null || CrashHeaders.TraceHints.Any(hint => line.Text.Contains(hint, StringComparison.Ordinal)));
        return false;
    }

    private void ObserveBanners(ReadOnlySpan<byte> bytes)
    {
        var text = chars.AsSpan(0, bytes.Length);
        var at = 0;
        int found;
        while ((found = text[at..].IndexOf(BannerLiteral, StringComparison.Ordinal)) >= 0)
        {
            var position = at + found;
            var start = text[..position].LastIndexOf('\n') + 1;
            var length = text[position..].IndexOf('\n') is var e and >= 0 ? position + e - start : text.Length - start;
            var line = (int)(Lines + text[..start].Count('\n') + 1);
            Banners.Observe(new LogLine(line, new string(text.Slice(start, length)), null, null));
            at = position + BannerLiteral.Length;
        }
    }

    private static byte[] Rent(int size) => ArrayPool<byte>.Shared.Rent(size);

    public void Dispose()
    {
        foreach (var buffer in ring)
            ArrayPool<byte>.Shared.Return(buffer);
        ArrayPool<byte>.Shared.Return(carry);
        ArrayPool<char>.Shared.Return(chars);
    }

    internal sealed record Block(byte[] Bytes, int Length, long LineBase, bool Hot);

    /// <summary>
    /// One run of blocks as a stream: the lead block, the first hot block, then blocks pulled from the log until
    /// <see cref="TrailingBlocks"/> cold ones in a row have passed.
    /// </summary>
    public sealed class HotRun : ReadOnlyStream
    {
        private readonly HeaderPrefilter owner;
        private Block? current;
        private Block? next;
        private int position;
        private int cold;

        internal HotRun(HeaderPrefilter owner, Block? lead, Block hot)
        {
            this.owner = owner;
            (current, next) = lead is null ? (hot, null) : (lead, hot);
            LineBase = current.LineBase;
        }

        /// <summary>Lines of the log before the run's first byte.</summary>
        public long LineBase { get; }

        /// <summary>The last block read into the run.</summary>
        internal Block? Last { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            while (current is not null && position == current.Length)
                Advance();
            if (current is null)
                return 0;
            var take = Math.Min(buffer.Length, current.Length - position);
            current.Bytes.AsSpan(position, take).CopyTo(buffer);
            position += take;
            return take;
        }

        private void Advance()
        {
            position = 0;
            Last = current;
            if (next is not null)
            {
                (current, next) = (next, null);
                return;
            }
            if (cold >= TrailingBlocks || owner.NextBlock() is not { } block)
            {
                current = null;
                return;
            }
            cold = block.Hot ? 0 : cold + 1;
            current = block;
        }
    }
}
