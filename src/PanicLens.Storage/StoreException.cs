namespace PanicLens.Storage;

/// <summary>
/// The store cannot be opened or written (database down, bad URI, failed migration): one line naming the store, never
/// its password. An <see cref="IOException"/>, so the CLI boundary reports it like any unreadable input.
/// </summary>
public sealed class StoreException(string message, Exception? inner = null) : IOException(message, inner);
