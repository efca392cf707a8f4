namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>One way of re-prefixing a log line: the facts of the line and its 0-based index give the new line.</summary>
public sealed record PrefixStyle(string Name, Func<LineFacts, int, string> Render);
