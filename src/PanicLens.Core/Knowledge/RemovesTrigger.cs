namespace PanicLens.Knowledge;

/// <summary>An honest answer to "after this mitigation, can the crash still be triggered?"; JSON `yes`, `partly`, `no`.</summary>
public enum RemovesTrigger
{
    Yes,
    Partly,
    No,
}
