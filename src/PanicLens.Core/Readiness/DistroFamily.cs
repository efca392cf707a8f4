namespace PanicLens.Readiness;

/// <summary>Which kdump tooling a distribution ships: kexec-tools/kdump-utils, kdump-tools, or SUSE's kdump.</summary>
public enum DistroFamily
{
    Unknown,
    Rhel,
    Debian,
    Suse,
}
