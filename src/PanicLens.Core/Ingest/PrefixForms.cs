namespace PanicLens.Ingest;

/// <summary>
/// The prefix forms we strip, tried in order at the start of a line, repeatedly (a syslog line often carries a
/// printk time stamp after its own header; a quoted mail line carries the quote, then the collector's stamp). Each
/// row: name, an example, the scanner, whether it is an outer layer, and the chars it can start with.
/// </summary>
public static class PrefixForms
{
    private const string Digits = "0123456789";

    public static readonly PrefixForm[] All =
    [
        // RFC 5424 before the bare priority: both start with `<N>`.
        new("rfc5424", "<4>1 2017-01-14T01:04:26.003Z host kernel - - - ", PrefixScanners.Rfc5424, Starts: "<"),
        new("priority", "<4>", PrefixScanners.Priority, Starts: "<"),
        new("iso-date", "2017-01-14 01:04:26\t | 2017-01-14T01:04:26+0800 host kernel: ", PrefixScanners.IsoDate, Starts: Digits),
        new("rfc3164", "Jan 14 01:04:26 host kernel: | Jan 14 01:04:26.123456 host kernel: ", PrefixScanners.Rfc3164),
        new("uptime", "[ 1234.567890] | [  584.319520][   T31] | [ 1.5] host kernel: ", PrefixScanners.Uptime, Starts: "["),
        new("caller-id", "[T123] | [ C1]", PrefixScanners.CallerId, Starts: "["),
        // A person who blanks the stamps of a pasted log leaves their brackets, on every line as the console printed them.
        new("blank-stamp", "[ ] | [    ] (stamps blanked by whoever pasted the log)", PrefixScanners.BlankStamp, Starts: "["),
        new("dmesg-ctime", "[Sat Jan 14 01:04:26 2017] (dmesg -T)", PrefixScanners.DmesgCtime, Starts: "["),
        new("dmesg-human", "[Jan14 01:04] | [  +0.000123] (dmesg -H)", PrefixScanners.DmesgHuman, Starts: "["),
        new("dmesg-decode", "kern  :alert : (dmesg -x)", PrefixScanners.DmesgDecode, Starts: "acdfklmnsu"),
        new("login-prompt", "syzkaller login: [ 35.184476] (only before another prefix or the kernel's indentation)", PrefixScanners.LoginPrompt),
        new("messages-dropped", "** 4491 printk messages dropped ** [ 50.750742]", PrefixScanners.MessagesDropped, Starts: "*"),
        new("kmsg", "6,1234,5678901,-;  (netconsole extended, /dev/kmsg)", PrefixScanners.Kmsg, Starts: Digits),
        new("anaconda", "00:09:50,669 ALERT kernel: (Anaconda installer log)", PrefixScanners.AnacondaLog, Starts: Digits),
        new("kernel-tag", "kernel: | [ 5.1] kernel: | kernel:[ 5.1] | web01 kernel: (syslog tag without time, with or without the host)", PrefixScanners.KernelTagOnly,
            Starts: " " + Digits + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        new("ktap-diagnostic", "# (KTAP/TAP diagnostic line; indented when nested)", CaptureScanners.KtapDiagnostic, Starts: "#"),
        // Outer layers, added after the console: read only before any other prefix, stacked in any order (`    > 00: `).
        new("mail-quote", "> | >> | > > | | (RFC 3676 quote marks, ticket bars)", CaptureScanners.Quote, Outer: true, Starts: ">|"),
        new("zvm-cpu", "00: (z/VM console, virtual CPU address)", CaptureScanners.ZvmCpu, Outer: true, Starts: "0123456789ABCDEF") { Stamps = true },
        new("diff-added", "+ (a line a unified diff adds: `+# [ 12.345678] ...`, a log committed as a file)", CaptureScanners.DiffAdded, Outer: true, Starts: "+"),
        new("indent", "    [ 12.345678] (blanks in front of another form)", CaptureScanners.Indent, Outer: true, Starts: " \t"),
        new("lava-error", "Job error: [  110.964445] (LAVA job notification, before the line the job stopped at)", CaptureScanners.LavaJobError, Outer: true, Starts: "BCIJLMT"),
    ];

    /// <summary>For each ASCII char, the rows (in table order) that can start with it; past ASCII only rows that start anywhere.</summary>
    private static readonly PrefixForm[][] ByFirstChar = IndexByFirstChar();

    /// <summary>The rows that may match text starting with <paramref name="first"/>, in table order.</summary>
    public static PrefixForm[] StartingWith(char first) => ByFirstChar[first < 128 ? first : 128];

    private static PrefixForm[][] IndexByFirstChar()
    {
        var index = new PrefixForm[129][];
        for (var c = 0; c < index.Length; c++)
            index[c] = Array.FindAll(All, f => f.Starts is null || (c < 128 && f.Starts.Contains((char)c)));
        return index;
    }
}
