namespace PanicLens.Signatures;

/// <summary>
/// Hung-task stacks show a random victim, not the root cause: a task waiting on a few global serialisers is named
/// after the serialiser, so hangs of one RCU or rtnl problem group together; otherwise the first frame that is not
/// scheduler, lock or wait code is where it blocked. Both lists are the reference's
/// (google/syzkaller pkg/report/linux.go at 1e72964b0111, `linuxHangTaskFrameExtractor`, l.1168–1205).
/// </summary>
public static class HungTaskFrames
{
    /// <summary>(frame substring, title frame): a wait inside these is a wait on the named mechanism (linux.go:1176).</summary>
    public static readonly (string Contains, string? Title, string Why)[] Serialisers =
    [
        ("rtnl_lock", null, "the rtnl mutex: title names the frame itself"),
        ("synchronize_rcu", "synchronize_rcu", "waiting for an RCU grace period"),
        ("synchronize_srcu", "synchronize_rcu", "waiting for an SRCU grace period"),
        ("synchronize_net", "synchronize_rcu", "synchronize_net is an RCU wait"),
        ("synchronize_sched", "synchronize_rcu", "an RCU-sched grace period"),
    ];

    /// <summary>Substrings of frames that only wait or switch (linux.go:1193).</summary>
    public static readonly string[] Waiting =
    [
        "sched", "_lock", "_slowlock", "down", "rwsem", "completion", "kthread", "wait", "synchronize",
        "context_switch", "__switch_to", "cancel_delayed_work", "rcu_barrier",
    ];
}
