using PanicLens.Analysis;
using PanicLens.Core.Tests.Signatures;
using PanicLens.Model;
using Xunit.Abstractions;

namespace PanicLens.Core.Tests.Analysis;

/// <summary>
/// Over ../shared/corpus/syzkaller-linux/ and production/, through the real pipeline (line reader, detector, parser): every report
/// whose `Code:` line has a marked x86 instruction that Iced decodes on its own gets a faulting instruction from the
/// Diagnoser, and every marked arm64 word a class. Prints the counts (set PANICLENS_DIAG_DUMP to list each report).
/// </summary>
public sealed class CorpusDiagnosisTests(ITestOutputHelper log)
{
    /// <summary>Reports allowed to miss (reviewed): none so far.</summary>
    private static readonly HashSet<string> AllowedMisses = [];

    [Fact]
    public void Every_decodable_code_line_in_the_syzkaller_corpus_gets_a_faulting_instruction()
    {
        var logs = SyzkallerCase.Files().Select(path => (Path.GetFileName(path), SyzkallerCase.Load(path).Log));
        var counts = Run(logs);
        Assert.True(counts.Decoded > 150, $"only {counts.Decoded} reports decoded");
    }

    [Fact]
    public void Every_decodable_code_line_in_the_production_corpus_gets_a_faulting_instruction()
    {
        var files = Directory.GetFiles(RepoPaths.Corpus("production"), "*.log").Order(StringComparer.Ordinal);
        var counts = Run(files.Select(path => (Path.GetFileName(path), File.ReadAllText(path))));
        Assert.True(counts.Decoded >= 5, $"only {counts.Decoded} reports decoded");
    }

    private Counts Run(IEnumerable<(string Name, string Text)> logs)
    {
        var counts = new Counts();
        var misses = new List<string>();
        var classes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var dump = Environment.GetEnvironmentVariable("PANICLENS_DIAG_DUMP") is not null;
        foreach (var (name, text) in logs)
        {
            foreach (var report in DiagnosisPipeline.Reports(text, name))
            {
                counts.Reports++;
                if (report.Code is not { FaultIndex: >= 0 } code)
                    continue;
                counts.Marked++;
                if (!IcedDecodesMarkedInstruction(report, code))
                    continue;
                counts.Decodable++;
                var diagnosis = report.Diagnosis!;
                if (diagnosis.Instruction is null)
                {
                    misses.Add($"{name}:{report.StartLine}");
                    continue;
                }
                counts.Count(diagnosis);
                if (diagnosis.Address is { } address)
                    classes[address.Class] = classes.GetValueOrDefault(address.Class) + 1;
                if (dump)
                    log.WriteLine($"{name}:{report.StartLine} | {report.Kernel} | {report.Message} | {diagnosis.Instruction.Text} | {diagnosis.Operand?.Expression}={diagnosis.Operand?.Address} match={diagnosis.Operand?.MatchesFaultAddress} | {diagnosis.BadRegister} | {diagnosis.Address?.Class} {diagnosis.Address?.Value}");
            }
        }
        log.WriteLine(counts.ToString());
        log.WriteLine("address classes: " + string.Join(", ", classes.Select(c => $"{c.Key} {c.Value}")));
        var unexpected = misses.Where(m => !AllowedMisses.Contains(m)).ToList();
        Assert.True(unexpected.Count == 0, "no faulting instruction for: " + string.Join(", ", unexpected));
        return counts;
    }

    /// <summary>The independent check: Iced decodes a valid instruction at the marked byte, or an arm64 word is marked.</summary>
    private static bool IcedDecodesMarkedInstruction(CrashReport report, CodeBytes code)
    {
        if (code.WordSize == 4)
            return report.Arch == "arm64" && code.FaultIndex + 4 <= code.Bytes.Length;
        if (code.WordSize != 1 || report.Arch is not ("x86_64" or "i386"))
            return false;
        var decoder = Iced.Intel.Decoder.Create(report.Arch == "i386" ? 32 : 64, new Iced.Intel.ByteArrayCodeReader(code.Bytes[code.FaultIndex..]));
        decoder.Decode(out var instruction);
        return instruction.Code != Iced.Intel.Code.INVALID;
    }

    private sealed class Counts
    {
        public int Reports, Marked, Decodable, Decoded, Operands, Blamed, Matched, Classified;

        public void Count(Diagnosis diagnosis)
        {
            Decoded++;
            Operands += diagnosis.Operand is null ? 0 : 1;
            Blamed += diagnosis.BadRegister is null ? 0 : 1;
            Matched += diagnosis.Operand?.MatchesFaultAddress == true ? 1 : 0;
            Classified += diagnosis.Address is null ? 0 : 1;
        }

        public override string ToString() =>
            $"{Reports} reports; {Marked} with a marked Code: line; {Decodable} decodable by Iced (or an arm64 word) at the mark; "
            + $"{Decoded} got a faulting instruction; {Operands} a memory operand; {Blamed} a bad register; "
            + $"{Matched} operand == fault address; {Classified} an address class";
    }
}
