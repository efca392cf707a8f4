namespace PanicLens.Model;

public sealed record ProcessInfo(string Comm, int? Pid);
