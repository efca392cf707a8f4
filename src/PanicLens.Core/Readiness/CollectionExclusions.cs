namespace PanicLens.Readiness;

/// <summary>
/// Host paths `check --collect` never copies the content of, whatever a check read: an archive meant to travel
/// over SSH to a central host must not carry credentials or memory. `*` matches any run of characters, `/`
/// included. A withheld file is named in the manifest and on the console, never dropped silently.
/// </summary>
public static class CollectionExclusions
{
    public static readonly (string Pattern, string Why)[] All =
    [
        ("/etc/shadow*", "password hashes"),
        ("/etc/gshadow*", "group password hashes"),
        ("/etc/ssh/ssh_host_*", "SSH host keys"),
        ("/root/*", "root's home: SSH keys (kdump's sshkey), shell history"),
        ("/home/*", "users' homes"),
        ("*.key", "private keys"),
        ("*.pem", "keys and certificates"),
        ("*id_rsa*", "SSH keys under any name (kdump_id_rsa)"),
        ("*id_ecdsa*", "SSH keys"),
        ("*id_ed25519*", "SSH keys"),
        ("/proc/kcore", "all of memory"),
        ("/proc/*/environ", "process environments hold tokens"),
        ("/proc/*/mem", "process memory"),
        ("/sys/firmware/efi/efivars/*", "firmware variables other than the one secure-boot check; only SecureBoot-* is allowed"),
    ];

    /// <summary>Efivars the checks read on purpose: secure boot state, one byte of policy, no secret.</summary>
    private const string SecureBootVariable = "/sys/firmware/efi/efivars/SecureBoot-";

    /// <summary>Why a path must not be copied, or null when it may.</summary>
    public static string? Reason(string hostPath)
    {
        if (hostPath.StartsWith(SecureBootVariable, StringComparison.Ordinal))
            return null;
        foreach (var (pattern, why) in All)
        {
            if (HostGlob.Matches(pattern, hostPath))
                return why;
        }
        return null;
    }
}
