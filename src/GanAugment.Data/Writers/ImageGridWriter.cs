using GanAugment.Data.Images;
using GanAugment.Data.Writers.Charts;

namespace GanAugment.Data.Writers;

/// <summary>
/// Lays N equally sized images out in rows of <c>columns</c> (row-major, the last row may be
/// short) separated and framed by <c>gap</c> pixels of background, like torchvision's make_grid,
/// with an optional text label at the left of each row (white on the black background, in the
/// charts' DejaVu Sans drawn by SkiaSharp), and writes the sheet as a PNG. <c>scale</c> enlarges
/// every image by a whole factor (nearest neighbour: each pixel becomes a scale×scale block) so
/// that small images can be judged by eye.
/// If any image is RGB the sheet is RGB and grey images are replicated into three channels.
/// </summary>
public static class ImageGridWriter
{
    public const int DefaultGap = 2;
    private const byte Background = 0;
    private const int LabelMargin = 3;

    /// <summary>The grid as one image; <paramref name="rowLabels"/>, when given, has one entry per row.</summary>
    public static RawImage Compose(IReadOnlyList<RawImage> images, int columns, IReadOnlyList<string>? rowLabels = null, int gap = DefaultGap, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0) throw new ArgumentException("a grid needs at least one image", nameof(images));
        if (columns <= 0) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be positive");
        if (gap < 0) throw new ArgumentOutOfRangeException(nameof(gap), gap, "gap must not be negative");
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be at least 1");
        var (w, h) = (images[0].Width, images[0].Height);
        if (images.Any(i => i.Width != w || i.Height != h))
            throw new ArgumentException($"grid images must all be {w}x{h}", nameof(images));
        if (scale > 1) images = [.. images.Select(i => Upscale(i, scale))];
        (w, h) = (w * scale, h * scale);
        var rows = (images.Count + columns - 1) / columns;
        if (rowLabels is not null && rowLabels.Count != rows)
            throw new ArgumentException($"{rowLabels.Count} row labels for {rows} rows", nameof(rowLabels));
        var channels = images.Any(i => i.Channels == 3) ? 3 : 1;

        // NOTE: the caption is about 40 % of a row's height, kept between 10 and 16 pixels; the label
        // column is the widest caption plus a margin on each side.
        var textSize = Math.Clamp(h * 0.4f, 10f, 16f);
        var labelWidth = rowLabels is null ? 0 : rowLabels.Max(label => ChartText.Measure(label, textSize).Width) + 2 * LabelMargin;
        var sheetWidth = labelWidth + columns * w + (columns + 1) * gap;
        var sheetHeight = rows * h + (rows + 1) * gap;
        var sheet = new byte[checked(sheetWidth * sheetHeight * channels)];
        sheet.AsSpan().Fill(Background);
        for (var i = 0; i < images.Count; i++)
        {
            var image = channels == 3 ? ImageConvert.ToRgb(images[i]) : images[i];
            var left = labelWidth + gap + i % columns * (w + gap);
            var top = gap + i / columns * (h + gap);
            for (var y = 0; y < h; y++)
                image.Pixels.AsSpan(y * w * channels, w * channels)
                    .CopyTo(sheet.AsSpan(((top + y) * sheetWidth + left) * channels));
        }
        if (rowLabels is not null)
            for (var r = 0; r < rows; r++)
            {
                var (mask, maskWidth, maskHeight) = ChartText.Mask(rowLabels[r], textSize);
                var top = gap + r * (h + gap) + (h - maskHeight) / 2;
                Stamp(mask, maskWidth, maskHeight, LabelMargin, top, sheet, sheetWidth, sheetHeight, channels);
            }
        return new RawImage(sheetWidth, sheetHeight, channels, sheet);
    }

    /// <summary><paramref name="image"/> with each pixel repeated into a <paramref name="scale"/>×<paramref name="scale"/> block.</summary>
    public static RawImage Upscale(RawImage image, int scale)
    {
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be at least 1");
        if (scale == 1) return image;
        var (w, h, c) = (image.Width * scale, image.Height * scale, image.Channels);
        var pixels = new byte[checked(w * h * c)];
        for (var y = 0; y < h; y++)
        {
            var source = image.Pixels.AsSpan(y / scale * image.Width * c, image.Width * c);
            var row = pixels.AsSpan(y * w * c, w * c);
            for (var x = 0; x < w; x++) source.Slice(x / scale * c, c).CopyTo(row[(x * c)..]);
        }
        return new RawImage(w, h, c, pixels);
    }

    /// <summary>White text of coverage <paramref name="mask"/> over the black sheet at (left, top), clipped to the sheet.</summary>
    private static void Stamp(byte[] mask, int maskWidth, int maskHeight, int left, int top, byte[] sheet, int sheetWidth, int sheetHeight, int channels)
    {
        for (var y = 0; y < maskHeight; y++)
        {
            var sy = top + y;
            if ((uint)sy >= (uint)sheetHeight) continue;
            for (var x = 0; x < maskWidth; x++)
            {
                var sx = left + x;
                if ((uint)sx >= (uint)sheetWidth) continue;
                var i = (sy * sheetWidth + sx) * channels;
                for (var k = 0; k < channels; k++) sheet[i + k] = Math.Max(sheet[i + k], mask[y * maskWidth + x]);
            }
        }
    }

    /// <summary>Composes the grid and writes it to <paramref name="path"/> as PNG.</summary>
    public static void Write(string path, IReadOnlyList<RawImage> images, int columns, IReadOnlyList<string>? rowLabels = null, int gap = DefaultGap, int scale = 1) =>
        PngWriter.Write(path, Compose(images, columns, rowLabels, gap, scale));

    /// <summary>
    /// Writes a grid of <paramref name="count"/> images given as one N·C·H·W float batch (a
    /// generator's output) in <paramref name="range"/>.
    /// </summary>
    public static void WriteChw(string path, ReadOnlySpan<float> batch, int count, int channels, int height, int width, PixelRange range,
        int columns, IReadOnlyList<string>? rowLabels = null, int gap = DefaultGap, int scale = 1)
    {
        var size = channels * height * width;
        if (count <= 0 || batch.Length != (long)count * size)
            throw new ArgumentException($"{batch.Length} floats are not {count} images of {channels}x{height}x{width}");
        var bytes = new byte[batch.Length];
        PixelConvert.ToBytes(batch, range, bytes);
        var images = new RawImage[count];
        for (var i = 0; i < count; i++) images[i] = RawImage.FromChw(bytes.AsSpan(i * size, size), channels, height, width);
        Write(path, images, columns, rowLabels, gap, scale);
    }

    /// <summary>Writes a grid of the images of <paramref name="dataset"/> at <paramref name="indices"/>.</summary>
    public static void Write(string path, ImageDataset dataset, IReadOnlyList<int> indices, int columns, IReadOnlyList<string>? rowLabels = null, int gap = DefaultGap, int scale = 1)
    {
        var images = indices.Select(i => RawImage.FromChw(dataset.Image(i), dataset.Channels, dataset.Height, dataset.Width)).ToArray();
        Write(path, images, columns, rowLabels, gap, scale);
    }
}
