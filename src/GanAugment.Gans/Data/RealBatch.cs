using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// One batch of real data as a step sees it: <see cref="X"/> the items ([N, C, H, W] images,
/// [N, W] encoded table rows, [N, T, F] sequences; the targets of image pairs), their class
/// labels when the data has classes, for image pairs the source images, and for series with
/// static attributes their vectors scaled into [-1, 1] ([N, A]).
/// </summary>
public sealed record RealBatch(Tensor X, int[]? Labels, Tensor? Source = null)
{
    /// <summary>The static attributes of the series [N, A], scaled; null when the data has none.</summary>
    public Tensor? Attributes { get; init; }

    public int Count => X.Size(0);

    /// <summary>The labels, or an error naming the model that needs them.</summary>
    public int[] RequireLabels(string model) =>
        Labels ?? throw new InvalidOperationException($"{model} needs labelled data");
}
