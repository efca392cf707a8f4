namespace PanicLens.Signatures;

/// <summary>
/// The frames a <see cref="StackSpec"/> chose, one per trace section: <see cref="Frames"/> as the title
/// uses them (syscall prefixes stripped, extractor literals such as `synchronize_rcu`), <see cref="RawFrames"/>
/// as printed (before prefix stripping or an extractor literal). <see cref="Ok"/> is false when a section gave no
/// frame or a fault-injection stack was mixed in; its frame is then the literal `corrupted`.
/// </summary>
public sealed record FrameChoice(IReadOnlyList<string> Frames, IReadOnlyList<string?> RawFrames, bool Ok);
