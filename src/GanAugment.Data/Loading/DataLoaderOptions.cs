using GanAugment.Data.Transforms;

namespace GanAugment.Data.Loading;

/// <summary>How a <see cref="DataLoader"/> batches, orders, scales and augments.</summary>
public sealed record DataLoaderOptions(int BatchSize)
{
    /// <summary>Visit the images in a new seeded order each epoch (ignored when <see cref="ClassBalanced"/>).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Drop the last batch when it is smaller than <see cref="BatchSize"/>.</summary>
    public bool DropLast { get; init; }

    /// <summary>
    /// Draw each sample by picking a class uniformly, then an image of that class uniformly (with
    /// replacement), for as many samples per epoch as the data set holds: every class is seen
    /// equally often however imbalanced the data.
    /// </summary>
    public bool ClassBalanced { get; init; }

    /// <summary>The float range the byte pixels are converted to (see <see cref="Writers.PixelConvert"/>).</summary>
    public Writers.PixelRange Range { get; init; } = Writers.PixelRange.MinusOneToOne;

    /// <summary>Random augmentation applied to each image, or null for none.</summary>
    public Augmentation? Augment { get; init; }
}
