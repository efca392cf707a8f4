namespace PanicLens.Detection;

/// <summary>What a header line does to the report regions around it.</summary>
public enum HeaderRole
{
    /// <summary>Starts a new report and ends the one before it.</summary>
    Opens,
    /// <summary>
    /// Printed as part of a report already under way (`Kernel panic - not syncing`, `Oops:`, `(XEN)` panic lines,
    /// machine-check lines): joins the open report, and starts one only when none is open.
    /// </summary>
    Inside,
}
