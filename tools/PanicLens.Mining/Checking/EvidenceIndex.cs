namespace PanicLens.Mining.Checking;

/// <summary>The evidence of every line of one mined file, read once, looked up by line.</summary>
public sealed class EvidenceIndex
{
    private readonly List<Evidence> all = [];

    public EvidenceIndex(MailText text)
    {
        for (var line = 1; line <= text.Count; line++)
            all.AddRange(EvidenceReader.Read(text[line], line));
    }

    public IReadOnlyList<Evidence> All => all;

    /// <summary>The evidence on lines <paramref name="from"/>..<paramref name="to"/>, inclusive.</summary>
    public List<Evidence> Between(int from, int to)
    {
        var found = new List<Evidence>();
        foreach (var evidence in all)
        {
            if (evidence.Line > to)
                break;
            if (evidence.Line >= from)
                found.Add(evidence);
        }
        return found;
    }

    /// <summary>The last `Linux version` banner before <paramref name="line"/>: the kernel that booted.</summary>
    public Evidence? BannerBefore(int line) =>
        all.FindLast(e => e.Line < line && e.Kind == EvidenceKind.Release && e.Form == "Linux version banner");

    /// <summary>The reliable frame on <paramref name="line"/>, if it holds one.</summary>
    public Evidence? FrameAt(int line) =>
        all.Find(e => e.Line == line && e.Kind == EvidenceKind.Frame && !e.Unreliable);
}
