namespace PanicLens.Ingest;

/// <summary>
/// The prefix forms we strip, tried in order at the start of a line, repeatedly (a syslog line often carries a
/// printk time stamp after its own header; a quoted mail line carries the quote, then the collector's stamp). Each
/// row: name, an example, the scanner, and whether it is an outer layer.
/// </summary>
public static class PrefixForms
{
    public static readonly PrefixForm[] All =
    [
        // RFC 5424 before the bare priority: both start with `<N>`.
        new("rfc5424", "<4>1 2017-01-14T01:04:26.003Z host kernel - - - ", PrefixScanners.Rfc5424),
        new("priority", "<4>", PrefixScanners.Priority),
        new("iso-date", "2017-01-14 01:04:26\t | 2017-01-14T01:04:26+0800 host kernel: ", PrefixScanners.IsoDate),
        new("rfc3164", "Jan 14 01:04:26 host kernel: | Jan 14 01:04:26.123456 host kernel: ", PrefixScanners.Rfc3164),
        new("uptime", "[ 1234.567890] | [  584.319520][   T31] | [ 1.5] host kernel: ", PrefixScanners.Uptime),
        new("caller-id", "[T123] | [ C1]", PrefixScanners.CallerId),
        new("dmesg-ctime", "[Sat Jan 14 01:04:26 2017] (dmesg -T)", PrefixScanners.DmesgCtime),
        new("dmesg-human", "[Jan14 01:04] | [  +0.000123] (dmesg -H)", PrefixScanners.DmesgHuman),
        new("dmesg-decode", "kern  :alert : (dmesg -x)", PrefixScanners.DmesgDecode),
        new("login-prompt", "syzkaller login: [ 35.184476] (only before another prefix or the kernel's indentation)", PrefixScanners.LoginPrompt),
        new("messages-dropped", "** 4491 printk messages dropped ** [ 50.750742]", PrefixScanners.MessagesDropped),
        new("kmsg", "6,1234,5678901,-;  (netconsole extended, /dev/kmsg)", PrefixScanners.Kmsg),
        new("anaconda", "00:09:50,669 ALERT kernel: (Anaconda installer log)", PrefixScanners.AnacondaLog),
        // One blank before the tag is rsyslog's wall format; more are the indentation of kernel text (` kernel: ...`).
        new("kernel-tag", "kernel: | [ 5.1] kernel: | kernel:[ 5.1] (syslog tag without time or host)", PrefixScanners.KernelTagOnly,
            BehindIndent: false),
        new("ktap-diagnostic", "# (KTAP/TAP diagnostic line; indented when nested)", CaptureScanners.KtapDiagnostic),
        // Outer layers, added after the console: read only before any other prefix, stacked in any order (`    > 00: `).
        new("mail-quote", "> | >> | > > | | (RFC 3676 quote marks, ticket bars)", CaptureScanners.Quote, Outer: true),
        new("zvm-cpu", "00: (z/VM console, virtual CPU address)", CaptureScanners.ZvmCpu, Outer: true),
        new("indent", "    [ 12.345678] (blanks in front of another form)", CaptureScanners.Indent, Outer: true),
    ];
}
