namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>A family of variants (prefix, quote, indent, ...): what it does and the variants it makes of a log.</summary>
public sealed record VariantKind(string Name, string Why, Func<CorpusLog, IEnumerable<Variant>> Variants);
