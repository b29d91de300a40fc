using GanAugment.Data.Images;
using GanAugment.Gans.Models;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Bagan;

/// <summary>Small seeded labelled image sets and tiny BAGAN options for fast tests.</summary>
internal static class ToyImages
{
    /// <summary>
    /// 16×16 grey images of three classes (a square top left, a square bottom right, a bar across
    /// the middle) with noise; <paramref name="counts"/> images per class, in class order.
    /// </summary>
    public static ImageDataset Shapes(int[] counts, ulong seed = 1, int side = 16)
    {
        var rng = new Rng(seed);
        var size = side * side;
        var total = counts.Sum();
        var pixels = new byte[total * size];
        var labels = new int[total];
        var i = 0;
        for (var c = 0; c < counts.Length; c++)
            for (var k = 0; k < counts[c]; k++, i++)
            {
                labels[i] = c;
                for (var y = 0; y < side; y++)
                    for (var x = 0; x < side; x++)
                    {
                        var on = (c % 3) switch
                        {
                            0 => x < side / 2 && y < side / 2,
                            1 => x >= side / 2 && y >= side / 2,
                            _ => y >= side / 2 - 2 && y < side / 2 + 2,
                        };
                        pixels[i * size + y * side + x] = (byte)Math.Clamp((on ? 220 : 20) + rng.NextInt(30), 0, 255);
                    }
            }
        return new ImageDataset(pixels, labels, 1, side, side, [.. Enumerable.Range(0, counts.Length).Select(c => c.ToString())]);
    }

    public static ImageSpec Spec(ImageDataset data) => new(data.Channels, data.Height, data.Width, data.ClassNames);

    public static BaganOptions TinyBagan => new()
    {
        LatentDim = 6,
        Width = 4,
        DenseWidth = 16,
        EncoderWidth = 2,
        KernelSize = 3,
        Adam = new(LearningRate: 2e-3),
    };
}
