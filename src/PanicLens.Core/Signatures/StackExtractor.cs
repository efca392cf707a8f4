namespace PanicLens.Signatures;

/// <summary>How the guilty frame is chosen from a section's candidate frames.</summary>
public enum StackExtractor
{
    /// <summary>The first frame that survives the skip list.</summary>
    First,
    /// <summary>Stalls and overflows: the frame just inside the first dispatch point (<see cref="StallAnchors"/>).</summary>
    Stall,
    /// <summary>Hung tasks: the first frame that is not scheduler, lock or wait code (<see cref="HungTaskFrames"/>).</summary>
    HungTask,
}
