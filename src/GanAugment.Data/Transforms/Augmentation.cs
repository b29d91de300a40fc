using GanAugment.Tensors;
using GanAugment.Data.Loading;

namespace GanAugment.Data.Transforms;

/// <summary>
/// Random augmentation of training images: with probability <see cref="FlipProbability"/> a
/// horizontal flip, a shift of up to ±<see cref="MaxShift"/> pixels in each direction, and a
/// rotation of up to ±<see cref="MaxRotationDegrees"/> (bilinear). Each is skipped when zero. The
/// random draws come from the caller's seeded generator, so an epoch is repeatable for a seed.
/// (Horizontal flips suit natural images such as CIFAR-10, not digits or letters.)
/// </summary>
public sealed record Augmentation
{
    public double FlipProbability { get; init; }

    public int MaxShift { get; init; }

    public double MaxRotationDegrees { get; init; }

    internal void Validate()
    {
        if (!(FlipProbability is >= 0 and <= 1) || MaxShift < 0 || !(MaxRotationDegrees >= 0))
            throw new ArgumentException($"invalid augmentation: flip probability {FlipProbability} must be in [0, 1], max shift {MaxShift} and max rotation {MaxRotationDegrees} must be non-negative");
    }

    /// <summary>Augments <paramref name="image"/> in place, using <paramref name="scratch"/> (same length) as workspace.</summary>
    internal void Apply(Span<float> image, int channels, int height, int width, float fill, Rng rng, Span<float> scratch)
    {
        if (FlipProbability > 0 && rng.NextDouble() < FlipProbability)
        {
            ImageTransforms.FlipHorizontal(image, channels, height, width, scratch);
            scratch.CopyTo(image);
        }
        if (MaxShift > 0)
        {
            var dx = rng.NextInt(2 * MaxShift + 1) - MaxShift;
            var dy = rng.NextInt(2 * MaxShift + 1) - MaxShift;
            if (dx != 0 || dy != 0)
            {
                ImageTransforms.Shift(image, channels, height, width, dx, dy, fill, scratch);
                scratch.CopyTo(image);
            }
        }
        if (MaxRotationDegrees > 0)
        {
            ImageTransforms.Rotate(image, channels, height, width, rng.NextDouble(-MaxRotationDegrees, MaxRotationDegrees), fill, scratch);
            scratch.CopyTo(image);
        }
    }
}
