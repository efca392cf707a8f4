namespace PanicLens.Mining.Mining;

/// <summary>What one archive gave: mails read, over the size cap, holding a crash, written, duplicates.</summary>
public sealed record MineTally(string List, int Read, int Oversize, int Crash, int Written, int Duplicate);
