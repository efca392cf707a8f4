namespace PanicLens.Cli.Rendering;

/// <summary>
/// ANSI colours for the text format, or none: colour only when stdout is a terminal and NO_COLOR is unset
/// (https://no-color.org), so pipes and files get plain text.
/// </summary>
public sealed class Palette(bool enabled)
{
    public bool Enabled { get; } = enabled;

    public static Palette ForConsole() =>
        new(!Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    public string Title(string s) => Wrap("1;31", s);
    public string Label(string s) => Wrap("2", s);
    public string Strong(string s) => Wrap("1", s);
    public string Dim(string s) => Wrap("2", s);
    public string Warn(string s) => Wrap("33", s);
    public string Good(string s) => Wrap("32", s);

    /// <summary>Removes control chars from log-derived text so a hostile log cannot drive the terminal.</summary>
    public static string Clean(string? s)
    {
        if (string.IsNullOrEmpty(s))
            return s ?? "";
        return s.AsSpan().IndexOfAnyInRange('\0', '\u001f') < 0 ? s : string.Concat(s.Where(c => c >= ' ' || c == '\t'));
    }

    private string Wrap(string code, string s) => Enabled ? $"\u001b[{code}m{s}\u001b[0m" : s;
}
