using System.Text.RegularExpressions;
using PanicLens.Analysis;
using PanicLens.Model;
using Xunit.Abstractions;

namespace PanicLens.Core.Tests.Analysis;

/// <summary>
/// Over ../shared/corpus/syzkaller-linux/: every report whose `Code:` line has a marked x86 instruction that Iced
/// decodes on its own gets a faulting instruction from the Diagnoser, and arm64 words get a class. Prints the counts.
/// </summary>
public sealed partial class CorpusDiagnosisTests(ITestOutputHelper log)
{
    /// <summary>Files allowed to miss (reviewed): none so far.</summary>
    private static readonly HashSet<string> AllowedMisses = [];

    [GeneratedRegex(@"Code: .*[<(][0-9a-f]{2,8}[>)]", RegexOptions.CultureInvariant)]
    private static partial Regex MarkedCodeLine();

    [Fact]
    public void Every_decodable_code_line_in_the_syzkaller_corpus_gets_a_faulting_instruction()
    {
        var files = Directory.GetFiles(RepoPaths.Corpus("syzkaller-linux")).Order(StringComparer.Ordinal).ToList();
        int markedInLog = 0, parsed = 0, decodable = 0, decoded = 0, operands = 0, blamed = 0, matched = 0, classified = 0;
        var misses = new List<string>();
        var classes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!MarkedCodeLine().IsMatch(File.ReadAllText(file)))
                continue;
            markedInLog++;
            var report = SeedLogTests.ParseWhole(file);
            if (report.Code is not { FaultIndex: >= 0 } code)
                continue;
            parsed++;
            if (!IcedDecodesMarkedInstruction(report, code))
                continue;
            decodable++;
            var diagnosis = new Diagnoser().Diagnose(report);
            if (diagnosis.Instruction is null)
            {
                misses.Add(Path.GetFileName(file));
                continue;
            }
            decoded++;
            if (Environment.GetEnvironmentVariable("PANICLENS_DIAG_DUMP") is not null)
                log.WriteLine($"{Path.GetFileName(file)} | {report.Kernel} | {report.Message} | {diagnosis.Instruction.Text} | fault {report.FaultAddress} cr2 {report.Registers.GetValueOrDefault("CR2")} | {diagnosis.Operand?.Expression}={diagnosis.Operand?.Address} match={diagnosis.Operand?.MatchesFaultAddress} | {diagnosis.Address?.Class} {diagnosis.Address?.Value}");
            operands += diagnosis.Operand is null ? 0 : 1;
            blamed += diagnosis.BadRegister is null ? 0 : 1;
            matched += diagnosis.Operand?.MatchesFaultAddress == true ? 1 : 0;
            if (diagnosis.Address is { } address)
            {
                classified++;
                classes[address.Class] = classes.GetValueOrDefault(address.Class) + 1;
            }
        }
        log.WriteLine($"{files.Count} files; {markedInLog} with a marked Code: line; {parsed} parsed with the mark; "
            + $"{decodable} decodable by Iced at the mark; {decoded} got a faulting instruction; {operands} a memory operand; "
            + $"{blamed} a bad register; {matched} operand == fault address; {classified} an address class");
        log.WriteLine("address classes: " + string.Join(", ", classes.Select(c => $"{c.Key} {c.Value}")));
        var unexpected = misses.Where(m => !AllowedMisses.Contains(m)).ToList();
        Assert.True(unexpected.Count == 0, "no faulting instruction for: " + string.Join(", ", unexpected));
        Assert.True(decoded > 100, $"only {decoded} reports decoded");
    }

    /// <summary>The independent check: Iced decodes a valid instruction at the marked byte, or the arm64 word is present.</summary>
    private static bool IcedDecodesMarkedInstruction(CrashReport report, CodeBytes code)
    {
        if (code.WordSize == 4)
            return report.Arch == "arm64" && code.FaultIndex + 4 <= code.Bytes.Length;
        if (report.Arch is not ("x86_64" or "i386"))
            return false;
        var decoder = Iced.Intel.Decoder.Create(report.Arch == "i386" ? 32 : 64, new Iced.Intel.ByteArrayCodeReader(code.Bytes[code.FaultIndex..]));
        decoder.Decode(out var instruction);
        return instruction.Code != Iced.Intel.Code.INVALID;
    }
}
