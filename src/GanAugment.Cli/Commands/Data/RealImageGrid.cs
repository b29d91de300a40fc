using GanAugment.Data.Images;
using GanAugment.Data.Writers;

namespace GanAugment.Cli.Commands.Data;

/// <summary>
/// The grid of real images that <c>ganaug data show</c> writes and <c>ganaug report</c> sets beside
/// the generated grids: <c>count</c> training images, as even across classes as the data allows
/// (the first images of each class in file order, so the grid is the same every time), one class
/// after the other, in rows of ceil(sqrt(count)) images (10x10 for 100 images of 10 classes: a class
/// per row, as the AC-GAN seed lays out its samples). <c>invert</c> draws dark on light.
/// </summary>
internal static class RealImageGrid
{
    public static RawImage Compose(ImageDataset data, int count, bool invert)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (data.Count == 0) throw new ArgumentException("the data set has no images to show");
        var picked = Pick(data, Math.Min(count, data.Count));
        var images = picked.Select(i => RawImage.FromChw(data.Image(i), data.Channels, data.Height, data.Width)).ToArray();
        var grid = ImageGridWriter.Compose(images, Columns(images.Length));
        if (!invert) return grid;
        var pixels = grid.Pixels.Select(p => (byte)(255 - p)).ToArray();
        return new RawImage(grid.Width, grid.Height, grid.Channels, pixels);
    }

    /// <summary>Images per row: the smallest whole number whose square holds <paramref name="count"/>.</summary>
    public static int Columns(int count) => (int)Math.Ceiling(Math.Sqrt(count) - 1e-9);

    /// <summary>
    /// Indices of <paramref name="count"/> images: each class in turn gives its next image (round
    /// robin, so a small class runs out and the others fill in), then the picks are ordered by class.
    /// </summary>
    private static List<int> Pick(ImageDataset data, int count)
    {
        var byClass = Enumerable.Range(0, data.ClassCount).Select(_ => new Queue<int>()).ToArray();
        for (var i = 0; i < data.Count; i++) byClass[data.Labels[i]].Enqueue(i);
        var picked = new List<int>(count);
        while (picked.Count < count)
            foreach (var queue in byClass)
                if (picked.Count < count && queue.Count > 0) picked.Add(queue.Dequeue());
        return picked.OrderBy(i => data.Labels[i]).ThenBy(i => i).ToList();
    }
}
