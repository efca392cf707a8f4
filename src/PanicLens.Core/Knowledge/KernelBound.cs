namespace PanicLens.Knowledge;

/// <summary>One side of a <see cref="KernelRange"/>: an operator and a version.</summary>
public sealed record KernelBound(string Operator, KernelVersion Version)
{
    public bool Admits(KernelVersion kernel)
    {
        var order = kernel.CompareToBound(Version);
        return Operator switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            "=" => order == 0,
            _ => throw new InvalidOperationException($"bound operator '{Operator}' was accepted by the parser but has no meaning"),
        };
    }
}
