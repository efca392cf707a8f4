using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace PanicLens.Buckets;

/// <summary>
/// SHA-256: the identity of a bucket (<see cref="BucketKeys.Id"/>), of a stored report (its content hash) and of a
/// scanned file's head. BouncyCastle's managed digest, the same bytes as <c>System.Security.Cryptography.SHA256</c>
/// (Sha256Tests hold the two together), chosen because on Linux the system one loads OpenSSL (libcrypto, libssl and
/// their .NET shim), which cost a scan about 5 MB of its peak memory for a few megabytes hashed. These hashes are
/// identities, not secrets.
/// </summary>
public static class Sha256
{
    public const int Length = 32;

    public static void HashData(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hash.Length, Length);
        var digest = new Sha256Digest();
        digest.BlockUpdate(data);
        digest.DoFinal(hash);
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
}
