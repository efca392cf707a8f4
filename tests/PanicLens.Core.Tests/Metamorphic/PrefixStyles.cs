using System.Text.Json;

namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>
/// Every prefix style of `PrefixForms`, as the variants write them. Collector styles (date, syslog, journal) put their
/// header in front of the kernel's own stamp; kernel-side styles (printk time, caller id, dmesg, /dev/kmsg) replace it.
/// Time values come from the line index so consecutive lines differ as on a real console.
/// </summary>
public static class PrefixStyles
{
    public static readonly PrefixStyle[] All =
    [
        // collector date + TAB (the seed's style) and with spaces
        new("date-tab", (f, i) => $"2017-01-14 {Clock(i)}\t{f.KernelPart()}"),
        new("date-spaces", (f, i) => $"2017-01-14 {Clock(i)}    {f.KernelPart()}"),
        // ISO 8601 / RFC 3339 syslog with host and tag (rsyslog's RFC3339 template, journalctl -o short-iso)
        new("iso-host", (f, i) => $"2017-01-14T{Clock(i)}.{i % 1000000:D6}+08:00 web01 kernel: {f.KernelPart()}"),
        // RFC 3164 syslog, journalctl short and short-precise
        new("rfc3164", (f, i) => $"Jan 14 {Clock(i)} web01 kernel: {f.KernelPart()}"),
        new("rfc3164-day-pad", (f, i) => $"Jan  4 {Clock(i)} web01 kernel: {f.KernelPart()}"),
        new("rfc3164-no-host", (f, i) => $"Jan 14 {Clock(i)} kernel: {f.KernelPart()}"),
        new("journal-precise", (f, i) => $"Jan 14 {Clock(i)}.{i % 1000000:D6} web01 kernel: {f.KernelPart()}"),
        // RFC 5424
        new("rfc5424", (f, i) => $"<4>1 2017-01-14T{Clock(i)}.003Z web01 kernel - - - {f.KernelPart()}"),
        // printk level as /proc/kmsg and a loglevel console print it
        new("priority", (f, i) => $"<{i % 8}>{f.KernelPart()}"),
        // printk time, with and without the caller id; journalctl short-monotonic. A caller id the line had is kept
        // (a variant changes how lines were captured, not what the kernel printed).
        new("uptime", (f, i) => $"[{f.Uptime ?? Uptime(i),12}]{Caller(f, "")} {f.Text}"),
        new("uptime-caller", (f, i) => $"[{f.Uptime ?? Uptime(i),12}][{f.Context ?? "T1",6}] {f.Text}"),
        new("caller-id", (f, i) => $"[{f.Context ?? "T1",6}] {f.Text}"),
        // stamps blanked by the person who pasted the log
        new("blank-stamp", (f, i) => $"[ ]{Caller(f, "")} {f.Text}"),
        new("journal-monotonic", (f, i) => $"[{f.Uptime ?? Uptime(i),12}] web01 kernel: {Caller(f, " ")}{f.Text}"),
        // dmesg -T, dmesg -H (a full stamp when the minute changes, deltas between), dmesg -x; util-linux prints the
        // caller id after the time
        new("dmesg-T", (f, i) => $"[Sat Jan 14 {Clock(i)} 2017]{Caller(f, "")} {f.Text}"),
        new("dmesg-H", (f, i) => (i % 60 == 0 ? $"[Jan14 01:{i / 60 % 60:D2}]" : $"[  +0.{i % 1000 * 997 % 1000000:D6}]") + $"{Caller(f, "")} {f.Text}"),
        new("dmesg-x", (f, i) => $"kern  :warn  : {f.KernelPart()}"),
        // netconsole extended and /dev/kmsg records, with the caller field when the line had one, and always
        new("kmsg", (f, i) => $"4,{i},{100000000L + i * 1000L},-{(f.Context is null ? "" : ",caller=" + f.Context)};{f.Text}"),
        new("kmsg-caller", (f, i) => $"4,{i},{100000000L + i * 1000L},-,caller={f.Context ?? "T1"};{f.Text}"),
        // the Anaconda installer's log
        new("anaconda", (f, i) => $"{Clock(i)},{i % 1000:D3} WARNING kernel:{f.KernelPart()}"),
        // syslog TAG alone (time and host cut off), KTAP diagnostic, z/VM column (also cut at its 80 columns), a Xen guest
        new("kernel-tag", (f, i) => $"kernel: {f.KernelPart()}"),
        new("ktap", (f, i) => $"# {f.KernelPart()}"),
        new("zvm", (f, i) => $"00: {f.KernelPart()}"),
        new("zvm-80", (f, i) => ZvmLines($"[{f.Uptime ?? Uptime(i),12}]{Caller(f, "")} {f.Text}")),
        new("xen-guest", (f, i) => $"(XEN) (d1) {f.KernelPart()}"),
        // journalctl -o json (journald keeps no caller id: it stays in the text) and LAVA job log records
        new("journal-json", (f, i) => "{\"__REALTIME_TIMESTAMP\":\"" + (1484355866000000L + i) + "\",\"_TRANSPORT\":\"kernel\","
            + (f.Uptime is null ? "" : "\"_SOURCE_MONOTONIC_TIMESTAMP\":\"" + f.Uptime.Replace(".", "", StringComparison.Ordinal) + "\",")
            + "\"SYSLOG_IDENTIFIER\":\"kernel\",\"MESSAGE\":" + JsonSerializer.Serialize(Caller(f, " ") + f.Text) + "}"),
        new("lava", (f, i) => $"- {{\"dt\": \"2023-01-13T10:{i / 60 % 60:D2}:{i % 60:D2}.693457\", \"lvl\": \"target\", \"msg\": {JsonSerializer.Serialize(f.KernelPart())}}}"),
    ];

    /// <summary>The line's caller id as printk prints it (`[   T31]`), then <paramref name="after"/>; empty when it had none.</summary>
    private static string Caller(LineFacts f, string after) => f.Context is null ? "" : $"[{f.Context,6}]{after}";

    /// <summary>z/VM's console: the line cut into pieces of 80 columns, each behind the CPU column.</summary>
    private static string ZvmLines(string line)
    {
        const int width = 80 - 4;
        var pieces = new List<string>();
        for (var at = 0; at < line.Length || at == 0; at += width)
            pieces.Add("00: " + line.Substring(at, Math.Min(width, line.Length - at)));
        return string.Join('\n', pieces);
    }

    private static string Clock(int i) => $"01:{i / 60 % 60:D2}:{i % 60:D2}";

    private static string Uptime(int i) => $"{100 + i / 1000}.{i % 1000 * 1000 + 17:D6}";
}
