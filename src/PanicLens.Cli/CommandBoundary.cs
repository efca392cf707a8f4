using PanicLens.Cli.Localization;
using System.CommandLine;

namespace PanicLens.Cli;

/// <summary>
/// The one place where exceptions become exit codes: 2 and a one-line message for usage errors and
/// unreadable input, never a stack trace.
/// </summary>
public static class CommandBoundary
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Failure = 2;

    public static int Run(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
                error.WriteLine(Words.Format("error.prefix", problem.Message));
            error.WriteLine(Words.Get("error.try-help"));
            return Failure;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            error.WriteLine(Words.Format("error.prefix", e.Message));
            return Failure;
        }
        catch (IOException e)
        {
            error.WriteLine(Words.Format("error.prefix", e.Message));
            return Failure;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine(Words.Format("error.prefix", e.Message));
            return Failure;
        }
    }
}

/// <summary>A problem with what the user asked for (bad file, bad option value): reported in one line, exit 2.</summary>
public sealed class UsageException(string message) : Exception(message);
