using GanAugment.Data.Writers;
using GanAugment.Data.Images;
using GanAugment.Tensors;

namespace GanAugment.Gans.Training;

/// <summary>Turns images of a data set into an NCHW float tensor in a generator's pixel range.</summary>
public static class ImageBatch
{
    /// <summary>
    /// The images at <paramref name="indices"/> as [N, C, H, W] in <paramref name="range"/>; inside a
    /// <see cref="TensorPool"/> scope the storage comes from the pool.
    /// </summary>
    public static Tensor From(ImageDataset data, ReadOnlySpan<int> indices, PixelRange range)
    {
        var size = data.ImageSize;
        var batch = Tensor.Zeros(indices.Length, data.Channels, data.Height, data.Width);
        var values = batch.AsSpan();
        var (scale, shift) = range == PixelRange.ZeroToOne ? (1f / 255f, 0f) : (2f / 255f, -1f);
        for (var i = 0; i < indices.Length; i++)
        {
            var src = data.Image(indices[i]);
            var dst = values.Slice(i * size, size);
            for (var k = 0; k < size; k++) dst[k] = src[k] * scale + shift;
        }
        return batch;
    }

    /// <summary>The labels of the images at <paramref name="indices"/>.</summary>
    public static int[] Labels(ImageDataset data, ReadOnlySpan<int> indices)
    {
        var labels = new int[indices.Length];
        for (var i = 0; i < indices.Length; i++) labels[i] = data.Labels[indices[i]];
        return labels;
    }

    /// <summary>Maps generator output in <paramref name="range"/> back to bytes 0..255 (rounded, clamped).</summary>
    public static byte[] ToBytes(Tensor images, PixelRange range)
    {
        var src = images.AsSpan();
        var bytes = new byte[src.Length];
        var (scale, shift) = range == PixelRange.ZeroToOne ? (255f, 0f) : (127.5f, 127.5f);
        for (var i = 0; i < src.Length; i++) bytes[i] = (byte)Math.Clamp(MathF.Round(src[i] * scale + shift), 0f, 255f);
        return bytes;
    }
}
