using PanicLens.Knowledge;
using PanicLens.Model;
using PanicLens.Localization;

namespace PanicLens.Analysis;

/// <summary>
/// Builds a <see cref="Diagnosis"/> for a parsed report: decodes the faulting instruction, computes its operand
/// from the registers, explains the bad address and the error code, decodes taint, the panic reason and the
/// hypervisor's outcome, says how the crash was triggered, and adds the known issues (with their ranked
/// mitigations) of <paramref name="knowledge"/> that match. Never throws on bad input: what cannot be
/// read stays null.
/// </summary>
public sealed class Diagnoser(KnowledgeBase? knowledge = null)
{
    public Diagnosis Diagnose(CrashReport report) => Diagnose(report, []);

    /// <param name="report">The report to explain.</param>
    /// <param name="earlier">Reports found earlier in the same log, in order (W and D taint point at them).</param>
    public Diagnosis Diagnose(CrashReport report, IReadOnlyList<CrashReport> earlier)
    {
        var arch = Arch(report);
        var registers = new RegisterFile(report.Registers, arch == "i386" ? 32 : 64);
        var kind = FaultHeaders.Of(report);
        var fault = FaultAddress(report, registers, kind);
        var code = ReadCode(report, arch, registers, fault);
        var errorCode = arch is "x86_64" or "i386" && kind == FaultKind.PageFault ? ErrorCodeDecoder.Decode(report.ErrorCode ?? report.OopsCode) : null;
        // Only a fault vouches for an address; the operand of a lockup's or warning's instruction is not suspect.
        var suspect = fault is not null || kind is FaultKind.GeneralProtection or FaultKind.ExternalAbort;
        // An operand that computes to another address than the fault's did not make this fault (the Code: line may
        // belong to another instruction pointer), so its register is not blamed.
        var badRegister = suspect && code.Operand?.MatchesFaultAddress != false ? code.BadRegister : null;
        var operandAddress = badRegister is not null || code.Operand?.Registers.Count == 0 ? code.Operand : null;
        var address = Address(report, arch, kind, fault, suspect ? operandAddress : null, errorCode);
        var matches = knowledge?.Match(report) ?? [];
        return new Diagnosis
        {
            Instruction = code.Instruction,
            BadRegister = badRegister,
            Operand = code.Operand,
            Address = address,
            ErrorCode = errorCode,
            Taint = TaintDecoder.Decode(report, earlier),
            Panic = report.Panic is { } reason ? new PanicFinding(reason.Trim(), PanicReasons.Find(reason) is { } known ? Sentences.Translate(known.Explanation) : Sentences.Get("panic.unknown")) : null,
            Hypervisor = HypervisorOutcomes.Find(report.Hypervisor),
            Trigger = TriggerDescriber.Describe(report),
            KnownIssues = KnownIssueAdvice.Issues(matches),
            Mitigations = KnownIssueAdvice.Mitigations(matches),
        };
    }

    private static CodeFindings ReadCode(CrashReport report, string? arch, RegisterFile registers, ulong? fault)
    {
        if (report.Code is not { } code)
            return new CodeFindings(null, null, null);
        if (arch == "arm64")
        {
            var read = Arm64CodeReader.Read(code, registers, fault);
            return read is { } r ? new CodeFindings(r.Instruction, r.Operand, r.BadRegister) : new CodeFindings(null, null, null);
        }
        if (arch is not ("x86_64" or "i386"))
            return new CodeFindings(null, null, null);
        var ipKnown = RegisterFile.TryParseHex(report.Ip?.Address, out var ip);
        if (!X86CodeDecoder.TryDecode(code, arch == "i386" ? 32 : 64, ipKnown ? ip : 0, out var decoded))
            return new CodeFindings(null, null, null);
        var instruction = X86InstructionDescriber.Describe(decoded, code.Bytes);
        var resolved = X86OperandResolver.Resolve(decoded.Faulting, registers, fault, ipKnown);
        if (resolved is not { } operand)
            return new CodeFindings(instruction, null, null);
        var finding = operand.Operand;
        if (operand.BadRegister is { } bad && Trace(report, arch, bad) is { } trace && ArgumentTracer.Describe(decoded, code.Bytes, trace) is { } note)
            finding = finding with { Explanation = Sentences.Format("sentence.then", finding.Explanation, note) };
        if (operand.BadRegister is { } blamed && finding.MatchesFaultAddress == true && Nearby(registers, fault!.Value, blamed) is { } nearby)
            finding = finding with { Explanation = Sentences.Format("sentence.then", finding.Explanation, nearby) };
        return new CodeFindings(instruction, finding, operand.BadRegister);
    }

    /// <summary>
    /// A kernel pointer in another register up to 64 KB below the fault address: the bad pointer may be that
    /// object plus a garbage offset (a u16 offset field read from the wrong type reaches up to 64 KB).
    /// </summary>
    private static string? Nearby(RegisterFile registers, ulong fault, string blamed)
    {
        var kernelHalf = registers.Bitness == 32 ? fault >= 0xc0000000 : fault >> 63 == 1;
        if (!kernelHalf || registers.NearestBelow(fault, 0x10000, blamed) is not { } near)
            return null;
        var name = near.Name.ToUpperInvariant();
        return Sentences.Format("operand.nearby", name, registers.Text(near.Name), FormattableString.Invariant($"0x{near.Distance:x}"));
    }

    private static ArgumentTrace? Trace(CrashReport report, string arch, string register)
    {
        if (report.Ip is not { } ip || !RegisterFile.TryParseHex(ip.Offset, out var offset) || offset > 0x10000)
            return null;
        int? size = RegisterFile.TryParseHex(ip.Size, out var s) && s <= 0x100000 ? (int)s : null;
        var caller = (string?)null;
        foreach (var frame in report.Frames)
        {
            if (frame.Reliable && frame.Function != ip.Function)
            {
                caller = $"{frame.Function}+0x{frame.Offset}";
                break;
            }
        }
        return new ArgumentTrace(arch, register, ip.Function, (int)offset, size, caller);
    }

    private static ulong? FaultAddress(CrashReport report, RegisterFile registers, FaultKind kind)
    {
        ulong value;
        switch (kind)
        {
            case FaultKind.PageFault when registers.Value("CR2") is { } cr2:
                return cr2;
            case FaultKind.GeneralProtection:
                return report.Message.Contains("non-canonical", StringComparison.OrdinalIgnoreCase) && RegisterFile.TryParseHex(report.FaultAddress, out value) ? value : null;
            default:
                return RegisterFile.TryParseHex(report.FaultAddress, out value) ? value : null;
        }
    }

    private static AddressFinding? Address(CrashReport report, string? arch, FaultKind kind, ulong? fault, OperandFinding? operand, ErrorCodeFinding? errorCode)
    {
        var value = fault;
        if (value is null && operand?.Address is { } computed && RegisterFile.TryParseHex(computed, out var parsed))
            value = parsed;
        if (value is null || arch is not ("x86_64" or "i386" or "arm64"))
            return null;
        var notPresent = errorCode is { Present: false } || WalkEndsInZero(report.PageTableWalk);
        return AddressClassifier.Classify(value.Value, new AddressContext(arch, report.Kernel, kind == FaultKind.PageFault, notPresent)
        {
            KasanShadowAccess = operand is not null && UsesShadowOffset(operand, arch),
        });
    }

    /// <summary>A KASAN check adds the shadow offset in a register (`cmp byte ptr [rdx+rax],0` with RAX = dffffc0000000000).</summary>
    private static bool UsesShadowOffset(OperandFinding operand, string arch)
    {
        foreach (var register in operand.Registers)
        {
            if (RegisterFile.TryParseHex(register.Value, out var value) && KasanShadows.IsOffset(arch, value))
                return true;
        }
        return false;
    }

    /// <summary>`PGD 1002067 PUD 53b5067 PMD 5509067 PTE 0`: the last level printed is empty, so nothing is mapped there.</summary>
    private static bool WalkEndsInZero(string? walk)
    {
        if (string.IsNullOrWhiteSpace(walk))
            return false;
        var trimmed = walk.TrimEnd();
        var space = trimmed.LastIndexOf(' ');
        var last = space < 0 ? trimmed : trimmed[(space + 1)..];
        return last.Trim('0').Length == 0 && last.Length > 0;
    }

    private static string? Arch(CrashReport report)
    {
        var declared = report.Arch?.ToLowerInvariant();
        switch (declared)
        {
            case "x86_64" or "x86-64" or "amd64":
                return "x86_64";
            case "i386" or "i686" or "x86" or "x86_32":
                return "i386";
            case "arm64" or "aarch64":
                return "arm64";
            case not null:
                return declared;
        }
        if (report.Registers.ContainsKey("RIP") || report.Registers.ContainsKey("RAX") || report.Registers.ContainsKey("RSP"))
            return "x86_64";
        if (report.Registers.ContainsKey("EIP") || report.Registers.ContainsKey("EAX"))
            return "i386";
        return report.Registers.ContainsKey("x29") ? "arm64" : null;
    }

    private sealed record CodeFindings(FaultingInstruction? Instruction, OperandFinding? Operand, string? BadRegister);
}
