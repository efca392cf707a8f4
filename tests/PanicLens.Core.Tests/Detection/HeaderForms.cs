using PanicLens.Detection;
using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Detection;

/// <summary>The check the header-form tests share: a line alone opens one report, or none, under every prefix given.</summary>
public static class HeaderForms
{
    public static void AssertOpens(string line, bool opens, IEnumerable<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            var regions = new CrashDetector().Detect(LineReader.Read(prefix + line)).ToList();
            Assert.True(opens == (regions.Count == 1), $"`{prefix + line}`: {regions.Count} reports");
        }
    }
}
