using System.Text;

namespace PanicLens.Cli;

/// <summary>The streams a command talks to: the console in production, memory in tests.</summary>
public sealed class CliIo(Stream stdin, Stream stdout, TextWriter error)
{
    public Stream Stdin { get; } = stdin;
    public Stream Stdout { get; } = stdout;
    public TextWriter Error { get; } = error;
    /// <summary>Whether stdout is a terminal that may get colour.</summary>
    public bool Terminal { get; init; }
    /// <summary>The process environment (LANG, LC_ALL, NO_COLOR...); none in tests unless given.</summary>
    public Func<string, string?> Environment { get; init; } = _ => null;

    public static CliIo Console() => new(System.Console.OpenStandardInput(), System.Console.OpenStandardOutput(), System.Console.Error)
    {
        Terminal = !System.Console.IsOutputRedirected,
        Environment = System.Environment.GetEnvironmentVariable,
    };

    public TextWriter OpenText() => new StreamWriter(Stdout, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
}
