using GanAugment.Data.Images;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Augmentation;

/// <summary>Appends synthetic images to a data set, class by class, as an <see cref="AugmentTarget"/> plans.</summary>
public static class Augmenter
{
    /// <summary>
    /// The real images of <paramref name="data"/> (in order) followed by <c>extra[c]</c> images of
    /// each class c from <paramref name="source"/>.
    /// </summary>
    public static AugmentedDataset Augment(ImageDataset data, IReadOnlyList<int> extra, ISyntheticSource source, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(source);
        if (extra.Count != data.ClassCount) throw new ArgumentException($"{extra.Count} counts for {data.ClassCount} classes");
        var size = data.ImageSize;
        var added = extra.Sum();
        var pixels = new byte[(long)(data.Count + added) * size];
        data.Pixels.CopyTo(pixels, 0);
        var labels = new int[data.Count + added];
        data.Labels.CopyTo(labels, 0);
        var synthetic = new bool[labels.Length];
        var at = data.Count;
        for (var c = 0; c < extra.Count; c++)
        {
            if (extra[c] < 0) throw new ArgumentException($"cannot add {extra[c]} images to class {c}");
            if (extra[c] == 0) continue;
            var images = source.Generate(c, extra[c], rng);
            if (images.Length != extra[c] * size)
                throw new InvalidOperationException($"{source.Description} made {images.Length} bytes for {extra[c]} images of {size}");
            images.CopyTo(pixels, (long)at * size);
            for (var i = 0; i < extra[c]; i++, at++)
            {
                labels[at] = c;
                synthetic[at] = true;
            }
        }
        return new AugmentedDataset(new ImageDataset(pixels, labels, data.Channels, data.Height, data.Width, data.ClassNames), synthetic, source.Description);
    }
}
