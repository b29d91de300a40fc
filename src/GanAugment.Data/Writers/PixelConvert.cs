namespace GanAugment.Data.Writers;

/// <summary>
/// Float pixels to bytes: v in [0, 1] becomes round(255·v); v in [-1, 1] becomes round(255·(v + 1)/2).
/// Values outside the range are clamped and NaN becomes 0, so a diverged generator still gives
/// a picture instead of an exception in the middle of training.
/// </summary>
public static class PixelConvert
{
    /// <summary>Converts <paramref name="source"/> to bytes in <paramref name="destination"/>.</summary>
    public static void ToBytes(ReadOnlySpan<float> source, PixelRange range, Span<byte> destination)
    {
        if (source.Length != destination.Length) throw new ArgumentException($"{source.Length} floats do not match {destination.Length} bytes");
        var (offset, scale) = range switch
        {
            PixelRange.ZeroToOne => (0f, 255f),
            PixelRange.MinusOneToOne => (1f, 127.5f),
            _ => throw new ArgumentOutOfRangeException(nameof(range), range, "unknown pixel range"),
        };
        for (var i = 0; i < source.Length; i++)
        {
            var v = (source[i] + offset) * scale;
            destination[i] = float.IsNaN(v) ? (byte)0 : (byte)MathF.Round(Math.Clamp(v, 0f, 255f));
        }
    }
}
