using GanAugment.Data.Images;
using GanAugment.Data.Transforms;
using GanAugment.Evaluation.Augmentation;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Imbalance;

/// <summary>
/// Classic augmentation, the "mirror" baseline: copies of random real images of the class, each
/// flipped left-right with probability 1/2 and shifted by up to ±<see cref="MaxShift"/> pixels in
/// each direction (the gap filled with the image's darkest value, i.e. background).
/// </summary>
public sealed class MirrorSource(ImageDataset data, int maxShift = 2) : ISyntheticSource
{
    public int MaxShift { get; } = maxShift >= 0 ? maxShift : throw new ArgumentOutOfRangeException(nameof(maxShift), $"the shift must not be negative, got {maxShift}");

    public string Description => $"mirror (flip p=0.5, shift ±{MaxShift} px)";

    public byte[] Generate(int label, int count, Rng rng)
    {
        var members = ClassMembers.Of(data, label);
        var (c, h, w) = (data.Channels, data.Height, data.Width);
        var size = data.ImageSize;
        var output = new byte[count * size];
        var image = new float[size];
        var scratch = new float[size];
        for (var i = 0; i < count; i++)
        {
            var source = data.Image(members[rng.NextInt(members.Length)]);
            for (var k = 0; k < size; k++) image[k] = source[k];
            var fill = image.Min();
            if (rng.NextDouble() < 0.5)
            {
                ImageTransforms.FlipHorizontal(image, c, h, w, scratch);
                scratch.CopyTo(image, 0);
            }
            var dx = rng.NextInt(2 * MaxShift + 1) - MaxShift;
            var dy = rng.NextInt(2 * MaxShift + 1) - MaxShift;
            ImageTransforms.Shift(image, c, h, w, dx, dy, fill, scratch);
            for (var k = 0; k < size; k++) output[i * size + k] = (byte)scratch[k];
        }
        return output;
    }
}

/// <summary>The indices of a class's images, or one clear error when it has none.</summary>
internal static class ClassMembers
{
    public static int[] Of(ImageDataset data, int label)
    {
        var members = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == label).ToArray();
        return members.Length > 0 ? members : throw new ArgumentException($"class {label} ({data.ClassNames[label]}) has no images to oversample");
    }
}
