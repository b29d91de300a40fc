namespace GanAugment.Data.Transforms;

/// <summary>
/// Geometric transforms of one C×H×W float image: span kernels, inputs first, destination last,
/// shapes as ints, checks at the top. Source and destination must not overlap. Pixels that come
/// from outside the source take the value <c>fill</c>.
/// </summary>
public static class ImageTransforms
{
    /// <summary>Mirrors left and right: dst(c, y, x) = src(c, y, W−1−x).</summary>
    public static void FlipHorizontal(ReadOnlySpan<float> source, int channels, int height, int width, Span<float> destination)
    {
        Check(source, channels, height, width, destination);
        for (var row = 0; row < channels * height; row++)
        {
            var src = source.Slice(row * width, width);
            var dst = destination.Slice(row * width, width);
            for (var x = 0; x < width; x++) dst[x] = src[width - 1 - x];
        }
    }

    /// <summary>Translates by whole pixels: dst(c, y, x) = src(c, y − dy, x − dx), so positive dx moves the content right.</summary>
    public static void Shift(ReadOnlySpan<float> source, int channels, int height, int width, int dx, int dy, float fill, Span<float> destination)
    {
        Check(source, channels, height, width, destination);
        for (var c = 0; c < channels; c++)
            for (var y = 0; y < height; y++)
            {
                var dst = destination.Slice((c * height + y) * width, width);
                var sy = y - dy;
                if (sy < 0 || sy >= height)
                {
                    dst.Fill(fill);
                    continue;
                }
                var src = source.Slice((c * height + sy) * width, width);
                for (var x = 0; x < width; x++)
                {
                    var sx = x - dx;
                    dst[x] = sx >= 0 && sx < width ? src[sx] : fill;
                }
            }
    }

    /// <summary>
    /// Rotates counter-clockwise (as seen on screen, y down) by <paramref name="degrees"/> about the
    /// image centre ((W−1)/2, (H−1)/2) with bilinear interpolation: each destination pixel samples
    /// the source at the inverse-rotated position; taps outside the source read <paramref name="fill"/>.
    /// </summary>
    public static void Rotate(ReadOnlySpan<float> source, int channels, int height, int width, double degrees, float fill, Span<float> destination)
    {
        Check(source, channels, height, width, destination);
        var radians = degrees * Math.PI / 180.0;
        var (sin, cos) = Math.SinCos(radians);
        var cx = (width - 1) / 2.0;
        var cy = (height - 1) / 2.0;
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                // NOTE: y points down, so a counter-clockwise turn on screen is the clockwise
                // rotation of the (x, y) coordinates; the inverse map turns the other way.
                var ox = x - cx;
                var oy = y - cy;
                var sx = cos * ox - sin * oy + cx;
                var sy = sin * ox + cos * oy + cy;
                for (var c = 0; c < channels; c++)
                    destination[(c * height + y) * width + x] = Bilinear(source.Slice(c * height * width, height * width), height, width, sx, sy, fill);
            }
    }

    private static float Bilinear(ReadOnlySpan<float> plane, int height, int width, double x, double y, float fill)
    {
        var x0 = (int)Math.Floor(x);
        var y0 = (int)Math.Floor(y);
        var fx = (float)(x - x0);
        var fy = (float)(y - y0);
        var top = Tap(plane, height, width, x0, y0, fill) * (1 - fx) + Tap(plane, height, width, x0 + 1, y0, fill) * fx;
        var bottom = Tap(plane, height, width, x0, y0 + 1, fill) * (1 - fx) + Tap(plane, height, width, x0 + 1, y0 + 1, fill) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static float Tap(ReadOnlySpan<float> plane, int height, int width, int x, int y, float fill) =>
        x >= 0 && x < width && y >= 0 && y < height ? plane[y * width + x] : fill;

    private static void Check(ReadOnlySpan<float> source, int channels, int height, int width, Span<float> destination)
    {
        if (channels <= 0 || height <= 0 || width <= 0)
            throw new ArgumentException($"image shape must be positive, got {channels}x{height}x{width}");
        var size = channels * height * width;
        if (source.Length != size || destination.Length != size)
            throw new ArgumentException($"source ({source.Length}) and destination ({destination.Length}) must both hold {channels}x{height}x{width} = {size} floats");
        if (source.Overlaps(destination))
            throw new ArgumentException("source and destination must not overlap");
    }
}
