namespace PanicLens.Readiness;

/// <summary>
/// The verdict of one readiness item. <see cref="Unknown"/> means a file it needs could not be read: never
/// a pass.
/// </summary>
public enum CheckStatus
{
    Pass,
    Warn,
    Fail,
    Unknown,
}
