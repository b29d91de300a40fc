using GanAugment.Data.Images;

namespace GanAugment.Data.Writers;

/// <summary>
/// Lays N equally sized images out in rows of <c>columns</c> (row-major, the last row may be
/// short) separated and framed by <c>gap</c> pixels of background, like torchvision's make_grid,
/// with an optional text label at the left of each row drawn upper case in <see cref="BitmapFont"/>
/// (white on the black background), and writes the sheet as a PNG.
/// If any image is RGB the sheet is RGB and grey images are replicated into three channels.
/// </summary>
public static class ImageGridWriter
{
    public const int DefaultGap = 2;
    private const byte Background = 0;
    private const byte Ink = 255;

    /// <summary>The grid as one image; <paramref name="rowLabels"/>, when given, has one entry per row.</summary>
    public static RawImage Compose(IReadOnlyList<RawImage> images, int columns, IReadOnlyList<string>? rowLabels = null, int gap = DefaultGap)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0) throw new ArgumentException("a grid needs at least one image", nameof(images));
        if (columns <= 0) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be positive");
        if (gap < 0) throw new ArgumentOutOfRangeException(nameof(gap), gap, "gap must not be negative");
        var (w, h) = (images[0].Width, images[0].Height);
        if (images.Any(i => i.Width != w || i.Height != h))
            throw new ArgumentException($"grid images must all be {w}x{h}", nameof(images));
        var rows = (images.Count + columns - 1) / columns;
        if (rowLabels is not null && rowLabels.Count != rows)
            throw new ArgumentException($"{rowLabels.Count} row labels for {rows} rows", nameof(rowLabels));
        var channels = images.Any(i => i.Channels == 3) ? 3 : 1;

        // NOTE: the label column is the widest label plus one pixel of margin on each side.
        var labelWidth = rowLabels is null ? 0 : rowLabels.Max(label => BitmapFont.MeasureWidth(label)) + 2;
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
                var top = gap + r * (h + gap) + Math.Max(0, (h - BitmapFont.GlyphHeight) / 2);
                BitmapFont.Draw(rowLabels[r].ToUpperInvariant(), 1, top, Ink, sheet, sheetWidth, sheetHeight, channels);
            }
        return new RawImage(sheetWidth, sheetHeight, channels, sheet);
    }

    /// <summary>Composes the grid and writes it to <paramref name="path"/> as PNG.</summary>
    public static void Write(string path, IReadOnlyList<RawImage> images, int columns, IReadOnlyList<string>? rowLabels = null, int gap = DefaultGap) =>
        PngWriter.Write(path, Compose(images, columns, rowLabels, gap));

    /// <summary>
    /// Writes a grid of <paramref name="count"/> images given as one N·C·H·W float batch (a
    /// generator's output) in <paramref name="range"/>.
    /// </summary>
    public static void WriteChw(string path, ReadOnlySpan<float> batch, int count, int channels, int height, int width, PixelRange range,
        int columns, IReadOnlyList<string>? rowLabels = null, int gap = DefaultGap)
    {
        var size = channels * height * width;
        if (count <= 0 || batch.Length != (long)count * size)
            throw new ArgumentException($"{batch.Length} floats are not {count} images of {channels}x{height}x{width}");
        var bytes = new byte[batch.Length];
        PixelConvert.ToBytes(batch, range, bytes);
        var images = new RawImage[count];
        for (var i = 0; i < count; i++) images[i] = RawImage.FromChw(bytes.AsSpan(i * size, size), channels, height, width);
        Write(path, images, columns, rowLabels, gap);
    }

    /// <summary>Writes a grid of the images of <paramref name="dataset"/> at <paramref name="indices"/>.</summary>
    public static void Write(string path, ImageDataset dataset, IReadOnlyList<int> indices, int columns, IReadOnlyList<string>? rowLabels = null, int gap = DefaultGap)
    {
        var images = indices.Select(i => RawImage.FromChw(dataset.Image(i), dataset.Channels, dataset.Height, dataset.Width)).ToArray();
        Write(path, images, columns, rowLabels, gap);
    }
}
