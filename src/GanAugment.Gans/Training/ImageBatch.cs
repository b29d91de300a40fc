using GanAugment.Data.Writers;
using GanAugment.Data.Images;
using GanAugment.Tensors;

namespace GanAugment.Gans.Training;

/// <summary>Turns images of a data set into an NCHW float tensor in a generator's pixel range.</summary>
internal static class ImageBatch
{
    /// <summary>
    /// The images at <paramref name="indices"/> as [N, C, H, W] in <paramref name="range"/>; inside a
    /// <see cref="TensorPool"/> scope the storage comes from the pool.
    /// </summary>
    public static Tensor From(ImageDataset data, ReadOnlySpan<int> indices, PixelRange range)
    {
        var batch = Tensor.Zeros(indices.Length, data.Channels, data.Height, data.Width);
        PixelConvert.ToFloats(data, indices, range, batch.AsSpan());
        return batch;
    }


    /// <summary>Maps generator output in <paramref name="range"/> back to bytes 0..255 (rounded, clamped).</summary>
    public static byte[] ToBytes(Tensor images, PixelRange range)
    {
        var bytes = new byte[images.AsSpan().Length];
        PixelConvert.ToBytes(images.AsSpan(), range, bytes);
        return bytes;
    }
}
