using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Finds register dump lines (<see cref="RegisterDump"/> gives their shape): a line whose first `NAME:` is a register
/// name of <see cref="RegisterNames"/>. The line goes to the report, which reads its values when they are asked for;
/// the architecture its names reveal is read now.
/// </summary>
internal static class RegisterLine
{
    public static bool TryRead(string text, CrashReport report, ref string? arch)
    {
        int i = 0;
        if (!RegisterDump.TryNameRange(text, ref i, out var start, out var end) || !RegisterNames.IsRegister(text.AsSpan(start, end - start)))
            return false;
        report.AddRegisterLine(text);
        arch ??= ArchOfNames(text);
        return true;
    }

    /// <summary>The architecture the first name that reveals one reveals, or null when all are shared.</summary>
    private static string? ArchOfNames(string text)
    {
        int i = 0;
        while (RegisterDump.TryNameRange(text, ref i, out var start, out var end))
        {
            var name = text.AsSpan(start, end - start);
            if (RegisterNames.TryGetArch(name, out var arch) && arch.Length > 0)
                return arch;
            RegisterDump.SkipValues(text, ref i, name);
        }
        return null;
    }
}
