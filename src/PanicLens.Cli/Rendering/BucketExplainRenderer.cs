using System.Text.Json;
using PanicLens.Buckets;
using PanicLens.Cli.Localization;

namespace PanicLens.Cli.Rendering;

/// <summary>`buckets --explain A B`: the four keys side by side, and what they mean for grouping.</summary>
public static class BucketExplainRenderer
{
    public static void Write((string Id, BucketKeys Keys) a, (string Id, BucketKeys Keys) b, string format, CliIo io)
    {
        (string Name, string A, string B)[] keys =
        [
            ("exact", a.Keys.Exact, b.Keys.Exact), ("stack", a.Keys.Stack, b.Keys.Stack),
            ("title", a.Keys.Title, b.Keys.Title), ("domain", a.Keys.Domain, b.Keys.Domain),
        ];
        var verdict = Verdict(a.Keys, b.Keys);
        if (format == "json")
        {
            StoreJson.Document(io.Stdout, json =>
            {
                json.WriteString("a", a.Id);
                json.WriteString("b", b.Id);
                json.WriteBoolean("sameBucket", a.Keys.Stack == b.Keys.Stack);
                json.WriteString("verdict", verdict);
                json.WriteStartObject("keys");
                foreach (var (name, x, y) in keys)
                {
                    json.WriteStartObject(name);
                    json.WriteBoolean("same", x == y);
                    json.WriteString("a", x);
                    json.WriteString("b", y);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            });
            return;
        }
        using var text = io.OpenText();
        text.WriteLine(Words.Format("explain.heading", a.Id, b.Id, verdict));
        foreach (var (name, x, y) in keys)
        {
            if (x == y)
                text.WriteLine($"  {name,-7} {TextWrap.Pad(Words.Get("explain.same"), 8)} {Palette.Clean(x)}");
            else
            {
                text.WriteLine($"  {name,-7} {TextWrap.Pad(Words.Get("explain.differs"), 8)} {Palette.Clean(x)}");
                text.WriteLine($"  {"",-7}          {Palette.Clean(y)}");
            }
        }
    }

    private static string Verdict(BucketKeys a, BucketKeys b) =>
        Words.Get(a.Exact == b.Exact ? "explain.exact"
            : a.Stack == b.Stack ? "explain.stack"
            : a.Title == b.Title ? "explain.title"
            : a.Domain == b.Domain ? "explain.domain"
            : "explain.unrelated");
}
