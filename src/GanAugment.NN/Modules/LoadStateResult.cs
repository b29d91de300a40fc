namespace GanAugment.NN;

/// <summary>Keys that <see cref="Module.LoadStateDict"/> did not match (only non-empty when not strict).</summary>
public sealed record LoadStateResult(IReadOnlyList<string> MissingKeys, IReadOnlyList<string> UnexpectedKeys);
