namespace PanicLens.Buckets;

/// <summary>
/// The four keys that group reports of one bug, from finest to coarsest (README "Buckets" defines them). Each key is
/// readable text that starts with its name and <see cref="Version"/> (`stack/1:`), so keys of two versions never meet
/// and `buckets --explain` can show what differs. A report's bucket is its <see cref="Stack"/> key.
/// </summary>
public sealed record BucketKeys(string Exact, string Stack, string Title, string Domain)
{
    /// <summary>Raised whenever a key's definition changes, so old and new keys stay apart in one store.</summary>
    public const int Version = 1;

    /// <summary>The short id a user types (`show b3f2a9c01d7e`): the first 12 hex digits of the stack key's SHA-256.</summary>
    public string BucketId => Id(Stack);

    public static string Id(string key)
    {
        Span<byte> hash = stackalloc byte[Sha256.Length];
        Sha256.HashData(System.Text.Encoding.UTF8.GetBytes(key), hash);
        return "b" + Convert.ToHexStringLower(hash[..6]);
    }
}
