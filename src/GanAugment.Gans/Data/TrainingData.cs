using GanAugment.Data.Writers;
using GanAugment.Gans.Training;

namespace GanAugment.Gans;

/// <summary>
/// Data the <see cref="GanTrainer"/> draws shuffled batches from, whatever its modality: images,
/// encoded table rows, sequences or same-class image pairs. Items are addressed by index; labels
/// are optional; the <see cref="Spec"/> travels into the model and the run directory.
/// </summary>
public abstract class TrainingData
{
    public abstract DataSpec Spec { get; }

    /// <summary>Items (images, rows, sequences; for pairs, the target images).</summary>
    public abstract int Count { get; }

    /// <summary>The class of each item, or null for unlabelled data.</summary>
    public abstract int[]? Labels { get; }

    /// <summary>
    /// The items at <paramref name="indices"/> as a tensor batch with values in
    /// <paramref name="range"/>. <paramref name="draw"/> seeds whatever the batch draws besides the
    /// items (the source images of pairs), so a batch is a function of its indices and this seed.
    /// </summary>
    public abstract RealBatch Batch(ReadOnlySpan<int> indices, PixelRange range, ulong draw);

    /// <summary>The observer that shows this modality's samples every <paramref name="every"/> epochs (grids, previews, plots).</summary>
    public abstract ISampleObserver SampleObserver(RunDirectory run, int every);

    /// <summary>The labels of the items at <paramref name="indices"/>, or null for unlabelled data.</summary>
    protected int[]? LabelsAt(ReadOnlySpan<int> indices)
    {
        if (Labels is not { } labels) return null;
        var picked = new int[indices.Length];
        for (var i = 0; i < indices.Length; i++) picked[i] = labels[indices[i]];
        return picked;
    }

    /// <summary>An image data set as training data (<see cref="ImageData"/>).</summary>
    public static implicit operator TrainingData(GanAugment.Data.Images.ImageDataset images) => new ImageData(images);

    /// <summary>Items per class, indexed by class (empty for unlabelled data).</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Spec.ClassCount];
        foreach (var y in Labels ?? []) counts[y]++;
        return counts;
    }
}
