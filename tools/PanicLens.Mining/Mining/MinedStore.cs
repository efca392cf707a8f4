using System.Security.Cryptography;
using System.Text;

namespace PanicLens.Mining.Mining;

/// <summary>
/// The mined corpus on disk: `DIR/&lt;list&gt;/&lt;commit12&gt;.txt` holds a mail's text and nothing else (so nothing of
/// ours is parsed as log); `DIR/&lt;list&gt;/index.tsv` names it (commit, body hash, date, message id, subject).
/// Identical texts are kept once across all lists, also across runs into the same folder.
/// </summary>
public sealed class MinedStore
{
    public const string IndexName = "index.tsv";

    private readonly string root;
    private readonly HashSet<string> hashes = [];

    public MinedStore(string root)
    {
        this.root = root;
        Directory.CreateDirectory(root);
        foreach (var index in Directory.EnumerateFiles(root, IndexName, SearchOption.AllDirectories))
            foreach (var line in File.ReadLines(index))
            {
                var fields = line.Split('\t');
                if (fields.Length > 2)
                    hashes.Add(fields[2]);
            }
    }

    /// <summary>Writes the text unless an identical one is stored; false for a duplicate.</summary>
    public bool TryAdd(string list, string commit, Mail.MailBody body)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(body.Text));
        if (!hashes.Add(hash))
            return false;
        var folder = Path.Combine(root, list);
        Directory.CreateDirectory(folder);
        var name = commit[..Math.Min(12, commit.Length)] + ".txt";
        File.WriteAllBytes(Path.Combine(folder, name), body.Text);
        var row = string.Join('\t', name, commit, hash, Clean(body.Date), Clean(body.MessageId), Clean(body.Subject));
        File.AppendAllText(Path.Combine(folder, IndexName), row + "\n", Encoding.Latin1);
        return true;
    }

    private static string Clean(string value)
    {
        var text = value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        return text.Length > 300 ? text[..300] : text;
    }
}
