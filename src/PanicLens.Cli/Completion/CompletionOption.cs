namespace PanicLens.Cli.Completion;

/// <summary>One option of a command as a shell completes it: every spelling, whether a value follows, its fixed values.</summary>
/// <param name="Names">The name and its aliases (`--format`, `-f`).</param>
/// <param name="TakesValue">False for a flag (a bool option or one of arity zero).</param>
/// <param name="Choices">The values the option accepts, when it accepts only some (`text json`); empty otherwise.</param>
/// <param name="Description">The help text, for shells that show one.</param>
public sealed record CompletionOption(IReadOnlyList<string> Names, bool TakesValue, IReadOnlyList<string> Choices, string Description);
