using PanicLens.Readiness;

namespace PanicLens.Cli.Commands;

/// <summary>Runs the readiness inspection of one host tree for the `check` and `kdump` verbs.</summary>
public static class HostInspection
{
    public static ReadinessReport Inspect(string root) => HostInspector.Inspect(new HostTree(root));
}
