using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace PanicLens.Buckets;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code: the identity of a bucket (<see cref="BucketKeys.Id"/>), of a stored report (its
/// content hash) and of a scanned file's head. The same digest as <c>System.Security.Cryptography.SHA256</c>
/// (Sha256Tests hold the two together), without it: on Linux that one loads OpenSSL (libcrypto, libssl and their .NET
/// shim), which cost a scan about 5 MB of its peak memory for a few megabytes hashed. These hashes are identities,
/// not secrets; nothing here needs a constant-time or FIPS-validated implementation.
/// </summary>
public static class Sha256
{
    public const int Length = 32;

    /// <summary>Round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.</summary>
    private static readonly uint[] K = [.. Primes(64).Select(p => FractionBits(p, root: 3))];

    /// <summary>Initial state: the first 32 bits of the fractional parts of the square roots of the first 8 primes.</summary>
    private static readonly uint[] Initial = [.. Primes(8).Select(p => FractionBits(p, root: 2))];

    public static void HashData(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hash.Length, Length);
        Span<uint> state = stackalloc uint[8];
        Initial.CopyTo(state);
        Span<uint> schedule = stackalloc uint[64];
        var whole = data.Length & ~63;
        for (var at = 0; at < whole; at += 64)
            Compress(state, data.Slice(at, 64), schedule);
        // Padding: a 1 bit, zeros, and the message length in bits, filling one or two last blocks.
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        var rest = data[whole..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var blocks = rest.Length + 9 <= 64 ? 1 : 2;
        BinaryPrimitives.WriteUInt64BigEndian(tail.Slice(blocks * 64 - 8), (ulong)data.Length * 8);
        for (var b = 0; b < blocks; b++)
            Compress(state, tail.Slice(b * 64, 64), schedule);
        for (var i = 0; i < 8; i++)
            BinaryPrimitives.WriteUInt32BigEndian(hash.Slice(i * 4), state[i]);
    }

    /// <summary>The digest of <paramref name="data"/> in lower-case hex.</summary>
    public static string Hex(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[Length];
        HashData(data, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The digest of <paramref name="text"/>'s UTF-8 bytes in lower-case hex.</summary>
    public static string Hex(string text) => Hex(Encoding.UTF8.GetBytes(text));

    private static void Compress(Span<uint> h, ReadOnlySpan<byte> block, Span<uint> w)
    {
        for (var t = 0; t < 16; t++)
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(t * 4));
        for (var t = 16; t < 64; t++)
        {
            var s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (var t = 0; t < 64; t++)
        {
            var t1 = hh + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25))
                + ((e & f) ^ (~e & g)) + K[t] + w[t];
            var t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
            (hh, g, f, e, d, c, b, a) = (g, f, e, d + t1, c, b, a, t1 + t2);
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }

    private static IEnumerable<int> Primes(int count)
    {
        var found = 0;
        for (var n = 2; found < count; n++)
        {
            var prime = true;
            for (var d = 2; d * d <= n && prime; d++)
                prime = n % d != 0;
            if (prime)
            {
                found++;
                yield return n;
            }
        }
    }

    /// <summary>
    /// The first 32 bits of the fractional part of the <paramref name="root"/>-th root of <paramref name="n"/>, exactly:
    /// the integer root of n·2^(32·root) is root(n)·2^32 rounded down, and its low 32 bits are those bits.
    /// </summary>
    private static uint FractionBits(int n, int root)
    {
        var target = (UInt128)n << (32 * root);
        ulong low = 0, high = 1UL << 40;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            UInt128 power = mid;
            for (var i = 1; i < root; i++)
                power *= mid;
            if (power <= target)
                low = mid;
            else
                high = mid - 1;
        }
        return (uint)low;
    }
}
