using PanicLens.Mining.Checking;

namespace PanicLens.Mining.Tests;

/// <summary>Every evidence row has a line it must see and a near miss it must not: a new row without both fails here.</summary>
public sealed class EvidencePatternsTests
{
    private static readonly Dictionary<string, (string Sees, string Misses)> Cases = new()
    {
        ["CPU: PID: Comm:"] = ("CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.10.0 #1", "CPU: 0 PID 1 Comm: swapper/0"),
        ["Pid: comm:"] = ("Pid: 29755, comm: ss Not tainted 2.6.32.36-xen #1", "Pid: 29755 comm: ss"),
        ["Process (pid:"] = ("Process swapper (pid: 0, stack limit = 0xc0a1e238)", "Process swapper pid: 0"),
        ["INFO: task X:N blocked"] = ("INFO: task jbd2/sda1-8:312 blocked for more than 120 seconds.", "INFO: task jbd2 blocked for more than 120 seconds."),
        ["TASK = [N] 'comm'"] = ("TASK = c0000000fe2a0000[42] 'kswapd0' THREAD: c0000000fe2b0000", "TASK = c0000000fe2a0000 'kswapd0' THREAD:"),
        ["task:X state: pid:"] = ("task:bash state:D stack:    0 pid: 123 ppid:     1 flags:0x00000000", "task:bash state:D flags:0x0"),
        ["by task X/N"] = ("Read of size 8 at addr ffff88800a1b2c30 by task syz-executor.0/8123", "Freed by task 8123:"),
        ["Not tainted R"] = ("CPU: 2 PID: 7 Comm: kworker/2:0 Not tainted 4.19.0-rc1 #5", "Not tainted, as the log says"),
        ["Tainted: FLAGS R"] = ("CPU: 2 PID: 7 Comm: x Tainted: G    B   W  5.4.0 #1", "Tainted: [B]=BAD_PAGE, [W]=WARN"),
        ["Not tainted"] = ("CPU: 2 PID: 7 Comm: kworker/2:0 Not tainted 4.19.0-rc1 #5", "Nottainted"),
        ["Tainted: FLAGS"] = ("CPU: 0 PID: 5929 Tainted: G S   W   5.4.96-arm64-desktop #1", "Tainted: [B]=BAD_PAGE, [W]=WARN"),
        ["Hardware name:"] = ("Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.3 04/01/2014", "Hardware name:"),
        ["Linux version banner"] = ("Linux version 4.19.0-21-amd64 (debian-kernel@lists.debian.org) (gcc 8.3.0) #1", "Linux version 4.19 is affected"),
        ["symbolised frame"] = (" dump_stack_lvl+0x76/0xa0", " dump_stack_lvl+0x76"),
        ["crash header"] = ("general protection fault, probably for non-canonical address 0xdffffc0000000001", "General Protection Fault handling was reworked"),
    };

    [Fact]
    public void Every_row_has_a_case_and_a_near_miss()
    {
        Assert.Equal(EvidencePatterns.All.Select(r => r.Form).Order(StringComparer.Ordinal), Cases.Keys.Order(StringComparer.Ordinal));
        foreach (var row in EvidencePatterns.All)
        {
            var (sees, misses) = Cases[row.Form];
            Assert.True(row.Pattern.IsMatch(sees) && sees.Contains(row.Literal, StringComparison.Ordinal), $"{row.Form} does not see: {sees}");
            Assert.False(row.Pattern.IsMatch(misses), $"{row.Form} sees the near miss: {misses}");
            Assert.False(string.IsNullOrWhiteSpace(row.Why), $"{row.Form} has no why");
        }
    }
}
