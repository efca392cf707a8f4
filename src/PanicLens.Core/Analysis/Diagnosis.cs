namespace PanicLens.Analysis;

/// <summary>What the analysis concluded about one report. Filled in by the analysis stage.</summary>
public sealed class Diagnosis
{
}
