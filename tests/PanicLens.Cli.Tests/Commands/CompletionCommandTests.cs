using System.CommandLine;
using System.Diagnostics;

namespace PanicLens.Cli.Tests.Commands;

/// <summary>
/// `paniclens completion bash|zsh|fish`: each script names every command and option of the real tree, and the
/// shells themselves complete from it (bash and fish run their completion; zsh parses it and runs its lookups).
/// </summary>
public sealed class CompletionCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("paniclens-completion-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    public static TheoryData<string> Shells => new() { "bash", "zsh", "fish" };

    [Theory]
    [MemberData(nameof(Shells))]
    public void Each_script_names_every_command_and_its_options(string shell)
    {
        var script = Script(shell);
        var root = PanicLensApp.CreateRoot(CliIo.Console());
        var seen = 0;
        foreach (var (path, command) in Commands(root, "paniclens"))
        {
            Assert.Contains($"'{path}'", script);
            foreach (var option in command.Options.Where(o => !o.Hidden))
            {
                Assert.True(script.Contains(Spelled(shell, path, option.Name), StringComparison.Ordinal), $"{shell}: {path} {option.Name}");
                seen++;
            }
        }
        Assert.True(seen > 30, $"only {seen} options walked");
    }

    [Theory]
    [InlineData("paniclens |", "analyze kb check kdump exposure scan buckets show hosts serve completion")]
    [InlineData("paniclens ch|", "check")]
    [InlineData("paniclens check --|", "--root --format --collect --kb --help --lang")]
    [InlineData("paniclens check --format |", "json text")]
    [InlineData("paniclens kb |", "list show validate")]
    [InlineData("paniclens kb list --f|", "--format")]
    [InlineData("paniclens --help kdump plan --distro rhel|", "rhel6 rhel7 rhel8 rhel9")]
    [InlineData("paniclens check --root kb --f|", "--format")]
    [InlineData("paniclens completion |", "bash fish zsh")]
    public void Bash_completes_verbs_options_and_values(string line, string expected)
    {
        var words = line.TrimEnd('|').Split(' ');
        var file = Path.Join(_work, "paniclens.bash");
        File.WriteAllText(file, Script("bash"));
        var quoted = string.Join(' ', words.Select(w => "'" + w + "'"));
        var output = Shell("bash", "-c", $"source '{file}'; COMP_WORDS=({quoted}); COMP_CWORD={words.Length - 1}; _paniclens; printf '%s\\n' \"${{COMPREPLY[@]}}\"");
        Assert.Equal(expected.Split(' ').Order(), output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [Theory]
    [InlineData("paniclens ", "analyze")]
    [InlineData("paniclens check --", "--collect")]
    [InlineData("paniclens analyze --format ", "markdown")]
    [InlineData("paniclens kb ", "validate")]
    [InlineData("paniclens completion ", "zsh")]
    public void Fish_completes_verbs_options_and_values(string line, string expected)
    {
        var file = Path.Join(_work, "paniclens.fish");
        File.WriteAllText(file, Script("fish"));
        var output = Shell("fish", "-c", $"source '{file}'; complete -C'{line}'");
        Assert.Contains(output.Split('\n'), l => l.Split('\t')[0] == expected);
    }

    [Fact]
    public void Zsh_parses_the_script_and_its_lookups_answer()
    {
        var file = Path.Join(_work, "_paniclens");
        File.WriteAllText(file, Script("zsh"));
        Shell("zsh", "-n", file);
        var output = Shell("zsh", "-c", $"compdef() {{ :; }}; source '{file}'; _paniclens_options 'paniclens check'; _paniclens_values 'paniclens check' --format");
        Assert.Equal("--root --format --collect --kb --help -h --lang\njson text\n", output);
    }

    [Fact]
    public void An_unknown_shell_is_a_usage_error()
    {
        var run = CliRun.Invoke("completion", "tcsh");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tcsh", run.Stderr);
    }

    private static string Script(string shell)
    {
        var run = CliRun.Invoke("completion", shell);
        Assert.Equal(0, run.ExitCode);
        return run.Stdout;
    }

    private static string Spelled(string shell, string path, string option) => shell == "fish"
        ? $"__paniclens_at '{path}'\" -l {option[2..]}"
        : option;

    private static IEnumerable<(string Path, Command Command)> Commands(Command command, string path)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            foreach (var nested in Commands(sub, path + " " + sub.Name))
                yield return nested;
        }
    }

    /// <summary>Runs a real shell; a missing one fails the test (.ci/run installs zsh and fish).</summary>
    private static string Shell(string shell, params string[] args)
    {
        var info = new ProcessStartInfo(shell, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{shell} is not installed ({e.Message}); .ci/run installs it", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{shell} {string.Join(' ', args)}: exit {process.ExitCode}: {error}");
            return output;
        }
    }
}
