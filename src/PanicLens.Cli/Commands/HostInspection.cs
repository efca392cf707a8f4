using PanicLens.Cli.Localization;
using PanicLens.Knowledge;
using PanicLens.Readiness;

namespace PanicLens.Cli.Commands;

/// <summary>Runs the readiness inspection of one host tree for the `check` and `kdump` verbs.</summary>
public static class HostInspection
{
    public static ReadinessReport Inspect(string root, KnowledgeBase knowledge) => Inspect(Open(root), knowledge);

    public static ReadinessReport Inspect(HostTree tree, KnowledgeBase knowledge) => HostInspector.Inspect(tree, knowledge.Issues);

    public static HostTree Open(string root)
    {
        if (!Directory.Exists(root))
            throw new UsageException(Words.Format("error.no-root", root));
        return new HostTree(root);
    }
}
