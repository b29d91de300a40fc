namespace GanAugment.Data.Images;

/// <summary>
/// Resizing of interleaved byte images, separably (rows, then columns). Along an axis that
/// shrinks, each output pixel is the area average of the source pixels its footprint covers
/// (fractional pixels weighted by the covered fraction), as PIL's BOX and OpenCV's INTER_AREA do;
/// along an axis that grows, bilinear interpolation with pixel centres at (i + ½)·in/out − ½,
/// clamped at the borders (PyTorch's align_corners=False). Results are rounded to the nearest byte.
/// </summary>
public static class ImageResize
{
    /// <summary>A resized copy of <paramref name="image"/> (the same instance if the size is unchanged).</summary>
    public static RawImage Resize(RawImage image, int width, int height)
    {
        if (width == image.Width && height == image.Height) return image;
        var pixels = new byte[checked(width * height * image.Channels)];
        Resize(image.Pixels, image.Width, image.Height, image.Channels, pixels, width, height);
        return new RawImage(width, height, image.Channels, pixels);
    }

    /// <summary>Resizes <paramref name="source"/> (H·W·C) into <paramref name="destination"/> of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static void Resize(ReadOnlySpan<byte> source, int sourceWidth, int sourceHeight, int channels, Span<byte> destination, int width, int height)
    {
        if (sourceWidth <= 0 || sourceHeight <= 0 || width <= 0 || height <= 0 || channels <= 0)
            throw new ArgumentException($"sizes must be positive: {sourceWidth}x{sourceHeight} -> {width}x{height}, {channels} channels");
        if (source.Length != sourceWidth * sourceHeight * channels)
            throw new ArgumentException($"source holds {source.Length} bytes, not {sourceWidth}x{sourceHeight}x{channels}");
        if (destination.Length != width * height * channels)
            throw new ArgumentException($"destination holds {destination.Length} bytes, not {width}x{height}x{channels}");

        var columns = AxisWeights.For(sourceWidth, width);
        var rows = AxisWeights.For(sourceHeight, height);
        // Horizontal pass: sourceHeight rows of width pixels, kept in float.
        var temp = new float[sourceHeight * width * channels];
        for (var y = 0; y < sourceHeight; y++)
            for (var x = 0; x < width; x++)
                for (var c = 0; c < channels; c++)
                {
                    var sum = 0.0;
                    var w = columns.Weights[x];
                    for (var k = 0; k < w.Length; k++)
                        sum += w[k] * source[(y * sourceWidth + columns.Start[x] + k) * channels + c];
                    temp[(y * width + x) * channels + c] = (float)sum;
                }
        // Vertical pass into bytes.
        for (var y = 0; y < height; y++)
        {
            var w = rows.Weights[y];
            for (var i = 0; i < width * channels; i++)
            {
                var sum = 0.0;
                for (var k = 0; k < w.Length; k++)
                    sum += w[k] * temp[(rows.Start[y] + k) * width * channels + i];
                destination[y * width * channels + i] = (byte)Math.Clamp(Math.Round(sum), 0, 255);
            }
        }
    }

    /// <summary>For each output index, the first source index it reads and the weights of the consecutive source indices from there.</summary>
    private sealed record AxisWeights(int[] Start, double[][] Weights)
    {
        public static AxisWeights For(int input, int output)
        {
            var start = new int[output];
            var weights = new double[output][];
            var scale = (double)input / output;
            for (var o = 0; o < output; o++)
            {
                if (output <= input)
                {
                    // Area: the footprint [o·s, (o+1)·s) and the fraction of it each source pixel covers.
                    var lo = o * scale;
                    var hi = (o + 1) * scale;
                    var first = (int)Math.Floor(lo);
                    var last = Math.Min(input - 1, (int)Math.Ceiling(hi) - 1);
                    start[o] = first;
                    weights[o] = new double[last - first + 1];
                    for (var i = first; i <= last; i++)
                        weights[o][i - first] = (Math.Min(hi, i + 1) - Math.Max(lo, i)) / scale;
                }
                else
                {
                    var centre = Math.Clamp((o + 0.5) * scale - 0.5, 0, input - 1);
                    var i0 = Math.Min((int)Math.Floor(centre), input - 1);
                    var t = centre - i0;
                    start[o] = i0;
                    weights[o] = i0 + 1 < input ? [1 - t, t] : [1.0];
                }
            }
            return new AxisWeights(start, weights);
        }
    }
}
