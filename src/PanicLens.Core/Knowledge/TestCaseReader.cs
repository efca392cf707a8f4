namespace PanicLens.Knowledge;

/// <summary>Reads the `tests:` section: reports the entry must match, and near misses it must not.</summary>
internal static class TestCaseReader
{
    public static KnownIssueTests Read(YamlFields fields)
    {
        var tests = fields.Map("tests");
        if (tests is null)
        {
            fields.Error("tests", "is required: at least one `matches` case and one `nearMisses` case");
            return new KnownIssueTests([], []);
        }
        var matches = ReadCases(tests, "matches", needWhy: false);
        var nearMisses = ReadCases(tests, "nearMisses", needWhy: true);
        if (matches.Count == 0)
            tests.Error("matches", "needs at least one report the entry must match");
        if (nearMisses.Count == 0)
            tests.Error("nearMisses", "needs at least one near miss the entry must not match");
        tests.RejectUnknownKeys();
        return new KnownIssueTests(matches, nearMisses);
    }

    private static List<KnownIssueTestCase> ReadCases(YamlFields tests, string key, bool needWhy)
    {
        var cases = new List<KnownIssueTestCase>();
        foreach (var item in tests.Maps(key))
        {
            cases.Add(new KnownIssueTestCase
            {
                Title = item.String("title"),
                Type = item.String("type"),
                Function = item.String("function"),
                Module = item.String("module"),
                Comm = item.String("comm"),
                Kernel = item.String("kernel"),
                Panic = item.String("panic"),
                Frames = item.Strings("frames"),
                Lines = item.Strings("lines"),
                Why = item.String("why", required: needWhy),
                Line = item.Line,
            });
            item.RejectUnknownKeys();
        }
        return cases;
    }
}
