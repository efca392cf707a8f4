using PanicLens.Cli.Localization;
using PanicLens.Knowledge;
using PanicLens.Readiness;

namespace PanicLens.Cli.Commands;

/// <summary>Runs the readiness inspection of one host tree for the `check` and `kdump` verbs.</summary>
public static class HostInspection
{
    public static ReadinessReport Inspect(string root, KnowledgeBase knowledge)
    {
        if (!Directory.Exists(root))
            throw new UsageException(Words.Format("error.no-root", root));
        return HostInspector.Inspect(new HostTree(root), knowledge.Issues);
    }
}
