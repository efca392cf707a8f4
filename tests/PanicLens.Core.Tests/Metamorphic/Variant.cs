using System.Text;

namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>One changed copy of a log: its name within the kind (the style, the quote, the cut) and how to read it.</summary>
public sealed record Variant(string Name, Func<Stream> Open)
{
    public static Variant OfText(string name, string text) =>
        new(name, () => new MemoryStream(Encoding.Latin1.GetBytes(text)));

    public static Variant OfLines(string name, IEnumerable<string> lines) => OfText(name, string.Join('\n', lines));
}
