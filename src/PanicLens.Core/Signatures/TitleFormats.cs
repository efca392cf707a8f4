namespace PanicLens.Signatures;

/// <summary>Which format table a header family is titled from.</summary>
public static class TitleFormats
{
    private static readonly TitleFormat[] Others = [.. FaultFormats.All, .. PanicFormats.All, .. MiscFormats.All];

    public static TitleFormat[] For(string family) => family switch
    {
        "bug" => BugFormats.All,
        "warning" => WarningFormats.All,
        "info" or "task-dump" => InfoFormats.All,
        _ => Others,
    };

    /// <summary>Every table, for the test that loads and checks them all.</summary>
    public static IEnumerable<TitleFormat> All() => [.. BugFormats.All, .. WarningFormats.All, .. InfoFormats.All, .. Others];
}
