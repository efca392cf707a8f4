namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>
/// Variants that do not yet read as their original, one list per kind (the first field), each with the reason and the
/// stage that must change. The lists only shrink: an entry that now passes fails the test until it is removed. None of
/// these is an Ingest rule: Ingest reads every line of them as it reads the original's.
/// </summary>
public static class NotYet
{
    private const string UptimeOnlyStamp =
        "Detection: CrashDetector takes only a printk uptime as a console stamp (a WARNING header with neither uptime nor "
        + "caller id is dropped; otherStream compares uptimes), and a dmesg -T/-H line carries none";

    private const string CallerIdWraps =
        "Parsing+Signatures: LogicalLines and the title stage's own line reading do not count a caller id as a stamp, so a "
        + "header, task or frame line the mail client wrapped stays cut (the detector keeps the tail since a8d7d23); with "
        + "caller ids only (no uptime) the tail of the task line is lost";

    private const string InventedCallerId =
        "reviewed, not a defect: the variant gives every line of an interleaved log the same invented caller id (T1), so "
        + "the detector reads it as one task's report; the original has no caller ids and is rightly read thinner";

    private const string GoHeaderColumn =
        "Detection, by its own rule (8af88f3: Go's 'fatal error:'/'panic:' count only at the line start): blanks in front "
        + "(a collector's padding, a pasted indentation) hide the Go runtime header and the report is titled from another line";

    private const string TimedOnlyFrames =
        "Signatures, as the convention does (linux.go questionableFrame, stripLinePrefix): '?' and ppc '(unreliable)' frames "
        + "are dropped only where lines are timed, so printk times added to an untimed log move the title to another frame";

    private const string CallerIdUntimed =
        "Signatures: 'timed' means a printk uptime; a log stamped with caller ids only keeps its '?' frames, so the title "
        + "names another frame than the uptime-stamped original (a caller id is a kernel stamp too)";

    private const string PastedOrConsole =
        "Signatures, by its own rule (ConsoleForm, issue 10 §2): unprefixed text reads as pasted, and a soft lockup whose trace "
        + "holds no dispatch anchor is named after the parser's RIP; behind a console prefix the syzbot convention's verdict "
        + "('in corrupted', no anchor) stands, as the syzkaller corpus expects";

    private const string BlankedStampsMerge =
        "reviewed, not a defect: blanking the stamps removes what told kernel lines from the fuzzer's unstamped output "
        + "interleaved with them (CrashDetector otherStream), so the trace reads as interleaved and the convention says 'in corrupted'";

    public static readonly (string Kind, string Log, string Variant, string Reason)[] Entries =
    [
        ("prefix", "syzkaller/140", "blank-stamp", BlankedStampsMerge),
        ("prefix", "syzkaller/158", "blank-stamp", BlankedStampsMerge),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "blank-stamp", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "rfc3164-no-host", PastedOrConsole),
        ("layered", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", ">>_over caller-id", PastedOrConsole),
        ("layered", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", ">_over uptime", PastedOrConsole),
        ("layered", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "____over uptime-caller", PastedOrConsole),
        ("layered", "syzkaller/231", ">_over kmsg-caller", InventedCallerId),
        ("layered", "syzkaller/242", ">>_over caller-id", InventedCallerId),
        ("layered", "syzkaller/242", "____over uptime-caller", InventedCallerId),
        ("layered", "syzkaller/57", ">_over kmsg-caller", InventedCallerId),
        ("layered", "production/scsi-ppc64le-lpar-5.11-data-access-oops-memset.log", ">_over kmsg-caller", InventedCallerId),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "anaconda", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "caller-id", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "date-spaces", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "date-tab", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "dmesg-H", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "dmesg-T", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "dmesg-x", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "iso-host", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "journal-json", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "journal-monotonic", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "journal-precise", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "kernel-tag", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "kmsg", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "kmsg-caller", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "ktap", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "lava", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "priority", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "rfc3164", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "rfc3164-day-pad", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "rfc5424", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "uptime", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "uptime-caller", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "xen-guest", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "zvm", PastedOrConsole),
        ("prefix", "production/xfs-arm64-softlockup-buf-get-map-plus-lockdep.log", "zvm-80", PastedOrConsole),
        ("indent", "syzkaller/705", "4 spaces", GoHeaderColumn),
        ("indent", "syzkaller/705", "tab", GoHeaderColumn),
        ("prefix", "production/dm-crypt-5.8-hard-lockup-wq-lockup-interleaved.log", "caller-id", InventedCallerId),
        ("prefix", "production/dm-crypt-5.8-hard-lockup-wq-lockup-interleaved.log", "kmsg-caller", InventedCallerId),
        ("prefix", "production/dm-crypt-5.8-hard-lockup-wq-lockup-interleaved.log", "uptime-caller", InventedCallerId),
        ("prefix", "production/iwl-pve617-ice-kernel-bug-slub-kmem-cache-free.log", "caller-id", CallerIdWraps),
        ("prefix", "production/iwl-pve617-ice-kernel-bug-slub-kmem-cache-free.log", "kmsg-caller", CallerIdWraps),
        ("prefix", "production/iwl-pve617-ice-kernel-bug-slub-kmem-cache-free.log", "uptime-caller", CallerIdWraps),
        ("prefix", "syzkaller/114", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/114", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/114", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/115", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/115", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/115", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/132", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/132", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/132", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/140", "dmesg-H", UptimeOnlyStamp),
        ("prefix", "syzkaller/140", "dmesg-T", UptimeOnlyStamp),
        ("prefix", "syzkaller/158", "dmesg-H", UptimeOnlyStamp),
        ("prefix", "syzkaller/158", "dmesg-T", UptimeOnlyStamp),
        ("prefix", "syzkaller/180", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/180", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/180", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/201", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/201", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/201", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/208", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/208", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/208", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/214", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/214", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/214", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/231", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/231", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/231", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/242", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/242", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/242", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/306", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/306", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/306", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/353", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/353", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/353", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/355", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/355", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/355", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/356", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/356", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/356", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/57", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/57", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/57", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/66", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/66", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/66", "uptime-caller", InventedCallerId),
        ("prefix", "syzkaller/705", "date-spaces", GoHeaderColumn),
        ("prefix", "syzkaller/87", "caller-id", InventedCallerId),
        ("prefix", "syzkaller/87", "kmsg-caller", InventedCallerId),
        ("prefix", "syzkaller/87", "uptime-caller", InventedCallerId),
        ("prefix", "production/scsi-ppc64le-lpar-5.11-data-access-oops-memset.log", "caller-id", TimedOnlyFrames),
        ("prefix", "production/scsi-ppc64le-lpar-5.11-data-access-oops-memset.log", "journal-monotonic", TimedOnlyFrames),
        ("prefix", "production/scsi-ppc64le-lpar-5.11-data-access-oops-memset.log", "kmsg", TimedOnlyFrames),
        ("prefix", "production/scsi-ppc64le-lpar-5.11-data-access-oops-memset.log", "kmsg-caller", TimedOnlyFrames),
        ("prefix", "production/scsi-ppc64le-lpar-5.11-data-access-oops-memset.log", "uptime", TimedOnlyFrames),
        ("prefix", "production/scsi-ppc64le-lpar-5.11-data-access-oops-memset.log", "uptime-caller", TimedOnlyFrames),
        ("prefix", "production/scsi-ppc64le-lpar-5.11-data-access-oops-memset.log", "zvm-80", TimedOnlyFrames),
        ("prefix", "syzkaller/140", "caller-id", CallerIdUntimed),
        ("prefix", "syzkaller/140", "kmsg-caller", CallerIdUntimed),
        ("prefix", "syzkaller/140", "uptime-caller", CallerIdUntimed),
    ];
}
