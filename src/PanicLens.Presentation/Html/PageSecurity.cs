using System.Security.Cryptography;
using System.Text;

namespace PanicLens.Presentation.Html;

/// <summary>
/// The pages' Content-Security-Policy and their one script. Served pages may load script only from their own origin
/// (the copy script at <see cref="ScriptPath"/>); a self-contained file may run only the inline script whose SHA-256
/// it names. Nothing else runs: no inline handlers, no eval, no script a log smuggled in.
/// </summary>
public static class PageSecurity
{
    public const string ScriptPath = "/assets/copy.js";

    public const string ServedPolicy =
        "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static string CopyScript { get; } = ReadScript();

    /// <summary>`sha256-…` of <see cref="CopyScript"/>, as a CSP source expression names it.</summary>
    public static string CopyScriptHash { get; } = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(CopyScript)));

    public static string FilePolicy { get; } =
        $"default-src 'none'; script-src '{CopyScriptHash}'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

    private static string ReadScript()
    {
        using var stream = typeof(PageSecurity).Assembly.GetManifestResourceStream("copy.js")
            ?? throw new InvalidOperationException("copy.js is not embedded in PanicLens.Presentation");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
