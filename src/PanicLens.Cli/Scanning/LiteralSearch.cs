using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace PanicLens.Cli.Scanning;

/// <summary>
/// Finds any of a few dozen literals in raw bytes at memory speed: a Teddy filter (Hyperscan's and ripgrep's
/// multi-literal SIMD algorithm). Each literal is represented by a four-byte fingerprint, the window of the literal
/// least likely to occur in console text; literals are spread over eight buckets, and for each fingerprint byte two
/// 16-entry tables map its low and high nibble to the buckets that accept it. One vector of text costs four loads,
/// eight table shuffles and a few ANDs; a position all four tables accept is a candidate, checked against its buckets'
/// literals byte for byte. 32 bytes a step with AVX2, 16 with SSSE3 or AdvSimd, a scalar loop elsewhere.
/// </summary>
public sealed class LiteralSearch
{
    private const int Window = 4;
    private const int Buckets = 8;

    private readonly byte[][] literals;
    /// <summary>Per literal: where its fingerprint starts in it.</summary>
    private readonly int[] offsets;
    /// <summary>Per literal: its fingerprint's bytes as a little-endian number, compared before the literal is.</summary>
    private readonly int[] prints;
    /// <summary>Per bucket: the literals it holds.</summary>
    private readonly int[][] members;
    /// <summary>Low and high nibble tables of fingerprint byte 0, 1, 2 (16 bytes each).</summary>
    private readonly Vector128<byte>[] low = new Vector128<byte>[Window], high = new Vector128<byte>[Window];
    /// <summary>For the scalar path: the buckets accepting each value of each fingerprint byte.</summary>
    private readonly byte[][] accepts = [new byte[256], new byte[256], new byte[256], new byte[256]];
    /// <summary>The shortest literal shorter than a window is found by a plain search instead.</summary>
    private readonly SearchValues<byte>? firstBytes;

    public LiteralSearch(IEnumerable<string> literals)
    {
        // Plain loops and arrays here, no LINQ over numbers: a precompiled (ReadyToRun) build runs them as they are,
        // where generic instantiations over value types would wait for the JIT on every start (a scan's fixed cost).
        var distinct = new List<byte[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var literal in literals)
            if (seen.Add(literal))
                distinct.Add(Encoding.Latin1.GetBytes(literal));
        this.literals = [.. distinct];
        if (this.literals.Length == 0)
            throw new ArgumentException("literals must be non-empty", nameof(literals));
        offsets = new int[this.literals.Length];
        var shortest = int.MaxValue;
        for (var i = 0; i < this.literals.Length; i++)
        {
            if (this.literals[i].Length == 0)
                throw new ArgumentException("literals must be non-empty", nameof(literals));
            offsets[i] = Fingerprint(this.literals[i]);
            shortest = Math.Min(shortest, this.literals[i].Length);
        }
        if (shortest < Window)
        {
            var first = new List<byte>();
            foreach (var literal in this.literals)
                if (!first.Contains(literal[0]))
                    first.Add(literal[0]);
            firstBytes = SearchValues.Create(first.ToArray());
        }

        // Literals are grouped into buckets by their fingerprints: starting from one group per distinct fingerprint, the
        // two groups whose merged nibble tables admit the least console text are merged until eight are left. The cost of
        // each pair is kept and only the merged group's pairs are weighed again, so a few dozen literals cost milliseconds.
        // A merged group keeps the place of the earlier one; the later one is marked gone (as if removed from the list).
        var byPrint = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < this.literals.Length; i++)
        {
            var key = Convert.ToHexString(Print(i));
            if (!byPrint.TryGetValue(key, out var group))
                byPrint[key] = group = [];
            group.Add(i);
        }
        var keys = new string[byPrint.Count];
        byPrint.Keys.CopyTo(keys, 0);
        Array.Sort(keys, StringComparer.Ordinal);
        var count = keys.Length;
        var groups = new List<int>[count];
        var masks = new int[count][];
        var alone = new double[count];
        var gone = new bool[count];
        for (var x = 0; x < count; x++)
        {
            groups[x] = byPrint[keys[x]];
            masks[x] = Masks(groups[x]);
            alone[x] = Admitted(masks[x]);
        }
        var costs = new double[count, count];
        for (var x = 0; x < count; x++)
            for (var y = x + 1; y < count; y++)
                costs[x, y] = Admitted(Merge(masks[x], masks[y])) - alone[x] - alone[y];
        for (var left = count; left > Buckets; left--)
        {
            var (a, b, best) = (0, 1, double.MaxValue);
            for (var x = 0; x < count; x++)
                if (!gone[x])
                    for (var y = x + 1; y < count; y++)
                        if (!gone[y] && costs[x, y] < best)
                            (a, b, best) = (x, y, costs[x, y]);
            groups[a].AddRange(groups[b]);
            masks[a] = Merge(masks[a], masks[b]);
            alone[a] = Admitted(masks[a]);
            gone[b] = true;
            for (var x = 0; x < count; x++)
                if (x != a && !gone[x])
                    costs[Math.Min(x, a), Math.Max(x, a)] = Admitted(Merge(masks[x], masks[a])) - alone[x] - alone[a];
        }
        var lists = new List<int>[Buckets];
        var filled = 0;
        for (var x = 0; x < count; x++)
            if (!gone[x])
                lists[filled++] = groups[x];
        for (; filled < Buckets; filled++)
            lists[filled] = [];
        var lowTables = new byte[Window, 16];
        var highTables = new byte[Window, 16];
        for (var bucket = 0; bucket < lists.Length; bucket++)
            foreach (var i in lists[bucket])
            {
                var print = Print(i);
                for (var j = 0; j < Window; j++)
                {
                    lowTables[j, print[j] & 0xF] |= (byte)(1 << bucket);
                    highTables[j, print[j] >> 4] |= (byte)(1 << bucket);
                }
            }
        members = new int[Buckets][];
        for (var bucket = 0; bucket < Buckets; bucket++)
            members[bucket] = lists[bucket].ToArray();
        prints = new int[this.literals.Length];
        for (var i = 0; i < prints.Length; i++)
        {
            var p = Print(i);
            prints[i] = p[0] | p[1] << 8 | p[2] << 16 | p[3] << 24;
        }
        for (var j = 0; j < Window; j++)
        {
            var lo = new byte[16];
            var hi = new byte[16];
            for (var n = 0; n < 16; n++)
                (lo[n], hi[n]) = (lowTables[j, n], highTables[j, n]);
            low[j] = Vector128.Create(lo);
            high[j] = Vector128.Create(hi);
            for (var b = 0; b < 256; b++)
                accepts[j][b] = (byte)(lo[b & 0xF] & hi[b >> 4]);
        }
    }

    /// <summary>The fingerprint of literal <paramref name="i"/> (padded for literals shorter than a window).</summary>
    private byte[] Print(int i)
    {
        var literal = literals[i];
        return literal.Length >= Window ? literal[offsets[i]..(offsets[i] + Window)] : [.. literal, .. new byte[Window - literal.Length]];
    }

    /// <summary>
    /// The nibbles a bucket holding <paramref name="group"/> accepts: per fingerprint byte, the low nibbles in bits 0-15
    /// and the high nibbles in bits 16-31.
    /// </summary>
    private int[] Masks(List<int> group)
    {
        var masks = new int[Window];
        foreach (var i in group)
        {
            var print = Print(i);
            for (var j = 0; j < Window; j++)
                masks[j] |= 1 << (print[j] & 0xF) | 1 << (16 + (print[j] >> 4));
        }
        return masks;
    }

    private static int[] Merge(int[] a, int[] b)
    {
        var merged = new int[a.Length];
        for (var j = 0; j < merged.Length; j++)
            merged[j] = a[j] | b[j];
        return merged;
    }

    /// <summary>The share of console text positions a bucket with the nibble <paramref name="masks"/> would admit as candidates.</summary>
    private static double Admitted(int[] masks)
    {
        var share = 1.0;
        foreach (var mask in masks)
        {
            var admitted = 0.0;
            for (var b = 0; b < 256; b++)
                if ((mask & (1 << (b & 0xF))) != 0 && (mask & (1 << (16 + (b >> 4)))) != 0)
                    admitted += Frequencies[b];
            share *= admitted;
        }
        return share;
    }

    /// <summary>
    /// The start of the first literal found in <paramref name="text"/> at or after <paramref name="from"/>, or -1.
    /// Candidates are met in the order of their fingerprints, so the first line holding a literal is the first line
    /// returned; within a line another literal may start earlier.
    /// </summary>
    /// <remarks>
    /// Compiled by the JIT at full optimisation on first use: ReadyToRun leaves a method with 256-bit vectors to the JIT,
    /// which would otherwise start it unoptimised. <see cref="Verify"/> and the constructor's helpers are precompiled.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int IndexOf(ReadOnlySpan<byte> text, int from, out int literal)
    {
        literal = -1;
        if (firstBytes is not null)
            return Slow(text, from, out literal);
        var position = from;
        if (Avx2.IsSupported)
        {
            var l0 = Vector256.Create(low[0], low[0]);
            var h0 = Vector256.Create(high[0], high[0]);
            var l1 = Vector256.Create(low[1], low[1]);
            var h1 = Vector256.Create(high[1], high[1]);
            var l2 = Vector256.Create(low[2], low[2]);
            var h2 = Vector256.Create(high[2], high[2]);
            var l3 = Vector256.Create(low[3], low[3]);
            var h3 = Vector256.Create(high[3], high[3]);
            var nibble = Vector256.Create((byte)0xF);
            ref var start = ref MemoryMarshal.GetReference(text);
            for (; position + Vector256<byte>.Count + Window - 1 <= text.Length; position += Vector256<byte>.Count)
            {
                var v0 = Vector256.LoadUnsafe(ref start, (nuint)position);
                var v1 = Vector256.LoadUnsafe(ref start, (nuint)position + 1);
                var v2 = Vector256.LoadUnsafe(ref start, (nuint)position + 2);
                var v3 = Vector256.LoadUnsafe(ref start, (nuint)position + 3);
                var m = Avx2.Shuffle(l0, v0 & nibble) & Avx2.Shuffle(h0, Vector256.ShiftRightLogical(v0.AsUInt16(), 4).AsByte() & nibble)
                    & Avx2.Shuffle(l1, v1 & nibble) & Avx2.Shuffle(h1, Vector256.ShiftRightLogical(v1.AsUInt16(), 4).AsByte() & nibble)
                    & Avx2.Shuffle(l2, v2 & nibble) & Avx2.Shuffle(h2, Vector256.ShiftRightLogical(v2.AsUInt16(), 4).AsByte() & nibble)
                    & Avx2.Shuffle(l3, v3 & nibble) & Avx2.Shuffle(h3, Vector256.ShiftRightLogical(v3.AsUInt16(), 4).AsByte() & nibble);
                if (m == Vector256<byte>.Zero)
                    continue;
                var bits = ~Vector256.Equals(m, Vector256<byte>.Zero).ExtractMostSignificantBits();
                while (bits != 0)
                {
                    var k = BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (Verify(text, from, position + k, m.GetElement(k), out literal) is var found and >= 0)
                        return found;
                }
            }
        }
        else if (Vector128.IsHardwareAccelerated && (Ssse3.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.Arm64.IsSupported))
        {
            var nibble = Vector128.Create((byte)0xF);
            ref var start = ref MemoryMarshal.GetReference(text);
            for (; position + Vector128<byte>.Count + Window - 1 <= text.Length; position += Vector128<byte>.Count)
            {
                var v0 = Vector128.LoadUnsafe(ref start, (nuint)position);
                var v1 = Vector128.LoadUnsafe(ref start, (nuint)position + 1);
                var v2 = Vector128.LoadUnsafe(ref start, (nuint)position + 2);
                var v3 = Vector128.LoadUnsafe(ref start, (nuint)position + 3);
                var m = Lookup(low[0], high[0], v0, nibble) & Lookup(low[1], high[1], v1, nibble) & Lookup(low[2], high[2], v2, nibble)
                    & Lookup(low[3], high[3], v3, nibble);
                if (m == Vector128<byte>.Zero)
                    continue;
                var bits = ~Vector128.Equals(m, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFFu;
                while (bits != 0)
                {
                    var k = BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (Verify(text, from, position + k, m.GetElement(k), out literal) is var found and >= 0)
                        return found;
                }
            }
        }
        // The tail (and machines without vectors): the same tables, a byte at a time.
        for (; position + Window - 1 < text.Length; position++)
        {
            var m = accepts[0][text[position]] & accepts[1][text[position + 1]] & accepts[2][text[position + 2]] & accepts[3][text[position + 3]];
            if (m != 0 && Verify(text, from, position, (byte)m, out literal) is var found and >= 0)
                return found;
        }
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Lookup(Vector128<byte> low, Vector128<byte> high, Vector128<byte> v, Vector128<byte> nibble) =>
        Vector128.ShuffleNative(low, v & nibble) & Vector128.ShuffleNative(high, Vector128.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & nibble);

    /// <summary>Which literal of <paramref name="buckets"/> has its fingerprint at <paramref name="at"/>; its start, or -1.</summary>
    private int Verify(ReadOnlySpan<byte> text, int from, int at, byte buckets, out int literal)
    {
        var print = text[at] | text[at + 1] << 8 | text[at + 2] << 16 | text[at + 3] << 24;
        while (buckets != 0)
        {
            var bucket = BitOperations.TrailingZeroCount(buckets);
            buckets &= (byte)(buckets - 1);
            foreach (var i in members[bucket])
            {
                if (prints[i] != print)
                    continue;
                var start = at - offsets[i];
                var candidate = literals[i];
                if (start >= from && start + candidate.Length <= text.Length && text.Slice(start, candidate.Length).SequenceEqual(candidate))
                {
                    literal = i;
                    return start;
                }
            }
        }
        literal = -1;
        return -1;
    }

    /// <summary>With a literal shorter than a fingerprint: every position starting with a literal's first byte.</summary>
    private int Slow(ReadOnlySpan<byte> text, int from, out int literal)
    {
        literal = -1;
        for (var position = from; position < text.Length;)
        {
            var next = text[position..].IndexOfAny(firstBytes!);
            if (next < 0)
                return -1;
            position += next;
            for (var i = 0; i < literals.Length; i++)
                if (text[position..].StartsWith(literals[i]))
                {
                    literal = i;
                    return position;
                }
            position++;
        }
        return -1;
    }

    /// <summary>The literal with index <paramref name="i"/> (the order given, duplicates removed).</summary>
    public ReadOnlySpan<byte> Literal(int i) => literals[i];

    /// <summary>
    /// Where in <paramref name="literal"/> its fingerprint starts: the window with the least likely bytes in console text
    /// (independent bytes, frequencies of <see cref="Frequency"/>), the earliest of equals.
    /// </summary>
    private static int Fingerprint(byte[] literal)
    {
        if (literal.Length <= Window)
            return 0;
        var best = 0;
        var bestScore = double.MaxValue;
        for (var k = 0; k + Window <= literal.Length; k++)
        {
            var score = 1.0;
            for (var j = 0; j < Window; j++)
                score *= Frequency(literal[k + j]);
            if (score < bestScore)
                (best, bestScore) = (k, score);
        }
        return best;
    }

    /// <summary>
    /// Each byte's share of console text, in 1/10000: the mean of the shares in the crash corpus (`../shared/corpus`,
    /// kernel output) and in a generated fleet syslog (hosts' daemons and kernel chatter), for the bytes 0x20-0x7E.
    /// Digits, blanks, lower-case letters, `:` and brackets are common; most capitals and punctuation rare.
    /// </summary>
    private static readonly short[] Printable =
    [
        1255, 0, 17, 10, 0, 0, 2, 2, 34, 34, 3, 43, 13, 42, 201, 70, 931, 428, 255, 225, 281, 187, 172, 153, 197, 154, 294, 1, 9, 38,
        11, 16, 0, 38, 11, 63, 33, 26, 16, 12, 14, 23, 50, 6, 10, 12, 34, 17, 33, 1, 44, 50, 54, 17, 5, 1, 9, 6, 0, 159, 0, 159, 0, 124,
        0, 221, 80, 161, 239, 461, 222, 48, 61, 185, 9, 86, 157, 100, 298, 288, 118, 10, 215, 242, 217, 102, 29, 35, 110, 44, 4, 3, 0,
        3, 0,
    ];

    private static readonly double[] Frequencies = ByteFrequencies();

    private static double[] ByteFrequencies()
    {
        var frequencies = new double[256];
        for (var b = 0; b < frequencies.Length; b++)
            frequencies[b] = Frequency((byte)b);
        return frequencies;
    }

    private static double Frequency(byte b) => (b switch
    {
        (byte)'\n' => 130.0,
        >= 0x20 and <= 0x7E => Math.Max(0.5, Printable[b - 0x20]),
        _ => 0.5,
    }) / 10000;
}
