namespace PanicLens.Server.Streaming;

/// <summary>What a <see cref="LiveStream"/> holds between two lines (see its states).</summary>
public sealed record LiveStreamState(string Host, string Source, IReadOnlyList<string> Context, IReadOnlyList<string>? Report,
    bool Heard, bool Ended, int Trailing, bool Panicked, bool Lossy, string? Kernel);
