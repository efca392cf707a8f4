namespace PanicLens.Core.Tests.Corpus;

/// <summary>One row of `../shared/corpus/production/INDEX.tsv`: the hand-read fields of a file's first crash.</summary>
public sealed record ProductionIndex(string File, string Kernel, string Arch, string Kind, string Function, string Comm, string Pid, string Module, string Taint)
{
    public static string Folder => RepoPaths.Corpus("production");

    public static IReadOnlyList<ProductionIndex> Load()
    {
        var rows = new List<ProductionIndex>();
        var lines = System.IO.File.ReadAllLines(Path.Combine(Folder, "INDEX.tsv"));
        var header = lines[0].Split('\t');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException("INDEX.tsv has no column " + name);
        int file = Column("file"), kernel = Column("kernel_version"), arch = Column("arch"), kind = Column("expected_kind"),
            function = Column("expected_function"), comm = Column("expected_comm"), pid = Column("expected_pid"),
            module = Column("expected_module"), taint = Column("tainted_flags");
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0)
                continue;
            var c = lines[n].Split('\t');
            rows.Add(new ProductionIndex(c[file], c[kernel], c[arch], c[kind], c[function], c[comm], c[pid], c[module], c[taint]));
        }
        return rows;
    }

    /// <summary>The fields the corpus test checks, by name, with the hand-read value (empty: not told by the log).</summary>
    public IEnumerable<(string Field, string Want)> CheckedFields()
    {
        yield return ("function", Function);
        yield return ("comm", Comm);
        yield return ("pid", Pid);
        yield return ("module", Module);
        yield return ("kernel", Kernel);
    }
}
