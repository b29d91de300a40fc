using GanAugment.Data.Transforms;

namespace GanAugment.Data.Loading;

/// <summary>
/// One mini-batch: <see cref="Pixels"/> holds <see cref="Count"/> scaled images in N·C·H·W
/// order, <see cref="Labels"/> their classes.
/// </summary>
public sealed record Batch(float[] Pixels, int[] Labels, int Channels, int Height, int Width)
{
    public int Count => Labels.Length;

    /// <summary>The labels one-hot encoded, Count × <paramref name="classCount"/>.</summary>
    public float[] OneHotLabels(int classCount) => OneHot.Encode(Labels, classCount);
}
