using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Writers;

/// <summary>
/// Writes 8-bit grey or RGB PNG files (see <see cref="PngEncoder"/>) from a <see cref="RawImage"/>,
/// from byte pixels in C·H·W order (an <see cref="ImageDataset"/> image) or from float pixels in
/// C·H·W order (a generator output) with their <see cref="PixelRange"/>. Files are written whole
/// or not at all (<see cref="AtomicFile"/>), and the parent folder is created.
/// </summary>
public static class PngWriter
{
    public static void Write(string path, RawImage image) => AtomicFile.WriteAllBytes(path, PngEncoder.Encode(image), createFolder: true);

    /// <summary>Writes a 1- or 3-channel image given as C·H·W bytes.</summary>
    public static void WriteChw(string path, ReadOnlySpan<byte> pixels, int channels, int height, int width) =>
        Write(path, RawImage.FromChw(pixels, channels, height, width));

    /// <summary>Writes a 1- or 3-channel image given as C·H·W floats in <paramref name="range"/>.</summary>
    public static void WriteChw(string path, ReadOnlySpan<float> pixels, int channels, int height, int width, PixelRange range)
    {
        var bytes = new byte[pixels.Length];
        PixelConvert.ToBytes(pixels, range, bytes);
        WriteChw(path, bytes, channels, height, width);
    }
}
