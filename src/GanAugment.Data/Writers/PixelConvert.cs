namespace GanAugment.Data.Writers;

/// <summary>
/// The one byte ⇄ float pixel converter. Bytes to floats: b·(1/255) in [0, 1], or b·(2/255) − 1
/// in [-1, 1]. Floats to bytes: round(255·v), or round(127.5·v + 127.5), clamped to 0..255, with
/// NaN as 0, so a diverged generator still gives a picture instead of an exception in the middle
/// of training. Training batches, evaluation samples, grids and PNGs all go through here.
/// </summary>
public static class PixelConvert
{
    /// <summary>Converts byte pixels in <paramref name="source"/> to floats in <paramref name="range"/>.</summary>
    public static void ToFloats(ReadOnlySpan<byte> source, PixelRange range, Span<float> destination)
    {
        if (source.Length != destination.Length) throw new ArgumentException($"{source.Length} bytes do not match {destination.Length} floats");
        var (scale, shift) = range switch
        {
            PixelRange.ZeroToOne => (1f / 255f, 0f),
            PixelRange.MinusOneToOne => (2f / 255f, -1f),
            _ => throw new ArgumentOutOfRangeException(nameof(range), range, "unknown pixel range"),
        };
        for (var i = 0; i < source.Length; i++) destination[i] = source[i] * scale + shift;
    }

    /// <summary>Converts float pixels in <paramref name="range"/> to bytes in <paramref name="destination"/>.</summary>
    public static void ToBytes(ReadOnlySpan<float> source, PixelRange range, Span<byte> destination)
    {
        if (source.Length != destination.Length) throw new ArgumentException($"{source.Length} floats do not match {destination.Length} bytes");
        // NOTE: v·127.5 + 127.5, not (v + 1)·127.5: the two round differently for a few floats, and
        // this is the form the seeded evaluation results were computed with.
        var (scale, shift) = range switch
        {
            PixelRange.ZeroToOne => (255f, 0f),
            PixelRange.MinusOneToOne => (127.5f, 127.5f),
            _ => throw new ArgumentOutOfRangeException(nameof(range), range, "unknown pixel range"),
        };
        for (var i = 0; i < source.Length; i++)
        {
            var v = source[i] * scale + shift;
            destination[i] = float.IsNaN(v) ? (byte)0 : (byte)Math.Clamp(MathF.Round(v), 0f, 255f);
        }
    }

    /// <summary>The float of a 0 (black) pixel in <paramref name="range"/>, the fill for shifted and rotated borders.</summary>
    public static float Black(PixelRange range) => range == PixelRange.ZeroToOne ? 0f : -1f;

    /// <summary>The images of <paramref name="data"/> at <paramref name="indices"/>, one after another, as floats in <paramref name="range"/>.</summary>
    public static void ToFloats(Images.ImageDataset data, ReadOnlySpan<int> indices, PixelRange range, Span<float> destination)
    {
        var size = data.ImageSize;
        if (destination.Length != indices.Length * size)
            throw new ArgumentException($"{indices.Length} images of {size} values need {indices.Length * size} floats, got {destination.Length}", nameof(destination));
        for (var i = 0; i < indices.Length; i++) ToFloats(data.Image(indices[i]), range, destination.Slice(i * size, size));
    }
}
