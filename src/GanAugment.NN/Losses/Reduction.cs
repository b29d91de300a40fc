namespace GanAugment.NN;

/// <summary>How a loss combines its per-element values: the mean, the sum, or not at all.</summary>
public enum Reduction
{
    Mean,
    Sum,
    None,
}
