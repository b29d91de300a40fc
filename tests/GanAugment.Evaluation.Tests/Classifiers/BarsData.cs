using GanAugment.Data.Images;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Tests.Classifiers;

/// <summary>
/// A tiny three-class image set that a few classifier steps learn: 1x8x8 grey images of a
/// vertical bar (class 0), a horizontal bar (class 1) or a diagonal (class 2) at a random place,
/// bright on a noisy dark background.
/// </summary>
internal static class BarsData
{
    public static ImageDatasetSplit Create(int trainPerClass, int testPerClass, ulong seed = 11)
    {
        var rng = new Rng(seed);
        return new ImageDatasetSplit(Part(trainPerClass, rng), Part(testPerClass, rng));
    }

    private static ImageDataset Part(int perClass, Rng rng)
    {
        const int size = 8;
        var count = 3 * perClass;
        var pixels = new byte[count * size * size];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var label = labels[i] = i % 3;
            var image = pixels.AsSpan(i * size * size, size * size);
            for (var p = 0; p < image.Length; p++) image[p] = (byte)rng.NextInt(60);
            var at = 1 + rng.NextInt(size - 2);
            for (var k = 0; k < size; k++)
            {
                var (row, col) = label switch { 0 => (k, at), 1 => (at, k), _ => (k, k) };
                image[row * size + col] = (byte)(200 + rng.NextInt(56));
            }
        }
        return new ImageDataset(pixels, labels, 1, size, size, ["vertical", "horizontal", "diagonal"]);
    }
}
