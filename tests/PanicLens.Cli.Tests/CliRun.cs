using System.Text;
using PanicLens.Cli;

namespace PanicLens.Cli.Tests;

/// <summary>Runs the `paniclens` command tree in-process with captured streams.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun WithStdin(string stdin, params string[] args) => WithStdin(Encoding.Latin1.GetBytes(stdin), args);

    public static CliRun WithStdin(byte[] stdin, params string[] args)
    {
        var output = new MemoryStream();
        var error = new StringWriter();
        var code = PanicLensApp.Run(args, new CliIo(new MemoryStream(stdin), output, error));
        return new CliRun(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static CliRun Invoke(params string[] args) => WithStdin([], args);

    /// <summary>Runs with the given environment variables (LANG, LC_ALL...) and no standard input.</summary>
    public static CliRun WithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = new MemoryStream();
        var error = new StringWriter();
        var io = new CliIo(new MemoryStream(), output, error) { Environment = name => environment.GetValueOrDefault(name) };
        var code = PanicLensApp.Run(args, io);
        return new CliRun(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
