namespace PanicLens.Readiness;

/// <summary>Which hosts a readiness check applies to.</summary>
public enum CheckScope
{
    AllHosts,

    /// <summary>Only a Xen control domain (Dom0), where the hypervisor decides what happens after a crash.</summary>
    XenDom0,
}
