namespace GanAugment.Data.Transforms;

/// <summary>Converts byte pixels to scaled floats and back (see <see cref="PixelScale"/>).</summary>
public static class PixelScaling
{
    /// <summary>dst[i] = scale(src[i]).</summary>
    public static void Scale(ReadOnlySpan<byte> source, Span<float> destination, PixelScale scale)
    {
        if (destination.Length < source.Length) throw new ArgumentException("destination is shorter than source", nameof(destination));
        var (factor, offset) = Coefficients(scale);
        for (var i = 0; i < source.Length; i++) destination[i] = source[i] * factor + offset;
    }

    /// <summary>The inverse of <see cref="Scale"/>, rounded to the nearest byte and clamped to 0..255 (for writing generated images).</summary>
    public static void Unscale(ReadOnlySpan<float> source, Span<byte> destination, PixelScale scale)
    {
        if (destination.Length < source.Length) throw new ArgumentException("destination is shorter than source", nameof(destination));
        var (factor, offset) = Coefficients(scale);
        for (var i = 0; i < source.Length; i++)
        {
            var x = (source[i] - offset) / factor;
            destination[i] = float.IsNaN(x) ? (byte)0 : (byte)Math.Clamp(MathF.Round(x), 0f, 255f);
        }
    }

    /// <summary>The scaled value of a 0 (black) pixel, the fill for shifted and rotated borders.</summary>
    public static float Background(PixelScale scale) => Coefficients(scale).Offset;

    private static (float Factor, float Offset) Coefficients(PixelScale scale) => scale switch
    {
        PixelScale.UnitInterval => (1f / 255f, 0f),
        PixelScale.Symmetric => (1f / 127.5f, -1f),
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, null),
    };
}
