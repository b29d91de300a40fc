using GanAugment.Data;
using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;
using GanAugment.Data.Writers;

namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// An RGB raster, row-major with three bytes per pixel (<see cref="Pixels"/> holds
/// width·height·3 bytes, top row first). Every drawing call clips to the canvas, so callers
/// never index outside it. Text uses the built-in 5×7 font.
/// </summary>
public sealed class Canvas
{
    /// <summary>A canvas filled with <paramref name="background"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is not positive or the raster would exceed 2 GB.</exception>
    public Canvas(int width, int height, Rgb background)
    {
        if (width < 1 || height < 1 || (long)width * height * 3 > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Canvas: {width}x{height} is not a drawable size.");
        }

        Width = width;
        Height = height;
        Pixels = new byte[width * height * 3];
        FillRectangle(0, 0, width, height, background);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The raster, width·height·3 bytes, R G B per pixel, rows top to bottom.</summary>
    public byte[] Pixels { get; }

    /// <summary>The colour at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public Rgb this[int x, int y]
    {
        get
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            {
                throw new ArgumentOutOfRangeException(nameof(x), $"Canvas: ({x}, {y}) is outside {Width}x{Height}.");
            }

            var i = (y * Width + x) * 3;
            return new Rgb(Pixels[i], Pixels[i + 1], Pixels[i + 2]);
        }
    }

    /// <summary>Fills the rectangle with top-left corner (x, y), clipped to the canvas.</summary>
    public void FillRectangle(int x, int y, int width, int height, Rgb color)
    {
        var x0 = Math.Max(0, x);
        var y0 = Math.Max(0, y);
        var x1 = (int)Math.Min(Width, (long)x + Math.Max(0, width));
        var y1 = (int)Math.Min(Height, (long)y + Math.Max(0, height));
        for (var row = y0; row < y1; row++)
        {
            for (var col = x0; col < x1; col++)
            {
                var i = (row * Width + col) * 3;
                Pixels[i] = color.R;
                Pixels[i + 1] = color.G;
                Pixels[i + 2] = color.B;
            }
        }
    }

    /// <summary>A one-pixel outline of the rectangle.</summary>
    public void DrawRectangle(int x, int y, int width, int height, Rgb color)
    {
        FillRectangle(x, y, width, 1, color);
        FillRectangle(x, y + height - 1, width, 1, color);
        FillRectangle(x, y, 1, height, color);
        FillRectangle(x + width - 1, y, 1, height, color);
    }

    /// <summary>Draws <paramref name="text"/> left to right with its top-left corner at (x, y), each font pixel a scale×scale square.</summary>
    public void DrawText(string text, int x, int y, Rgb color, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var n = 0; n < text.Length; n++)
        {
            var glyph = BitmapFont.Glyph(text[n]);
            var left = x + n * BitmapFont.Advance * scale;
            for (var row = 0; row < BitmapFont.GlyphHeight; row++)
            {
                for (var col = 0; col < BitmapFont.GlyphWidth; col++)
                {
                    if ((glyph[row] >> (BitmapFont.GlyphWidth - 1 - col) & 1) != 0)
                    {
                        FillRectangle(left + col * scale, y + row * scale, scale, scale, color);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Draws <paramref name="text"/> rotated a quarter turn anticlockwise (reading bottom to top,
    /// as a y-axis label), starting at the bottom-left corner (x, y) of its first character.
    /// </summary>
    public void DrawTextUp(string text, int x, int y, Rgb color, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var n = 0; n < text.Length; n++)
        {
            var glyph = BitmapFont.Glyph(text[n]);
            var bottom = y - n * BitmapFont.Advance * scale;
            for (var row = 0; row < BitmapFont.GlyphHeight; row++)
            {
                for (var col = 0; col < BitmapFont.GlyphWidth; col++)
                {
                    if ((glyph[row] >> (BitmapFont.GlyphWidth - 1 - col) & 1) != 0)
                    {
                        // Glyph column runs up the canvas, glyph row runs right.
                        FillRectangle(x + row * scale, bottom - (col + 1) * scale, scale, scale, color);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Encodes the canvas as an RGB PNG with unfiltered rows (charts are mostly flat colour, which
    /// deflate compresses well without prediction) and writes it through <c>path.tmp</c>.
    /// </summary>
    /// <exception cref="DataFormatException">The file cannot be written.</exception>
    public void SavePng(string path) =>
        ReportFile.WriteAllBytes(path, PngEncoder.Encode(new RawImage(Width, Height, 3, Pixels), PngRowFilters.None));

    /// <summary>Width in pixels of <paramref name="text"/> drawn at <paramref name="scale"/>.</summary>
    public static int MeasureText(string text, int scale = 1) => BitmapFont.MeasureWidth(text, scale);

    /// <summary>Height in pixels of one line of text at <paramref name="scale"/>.</summary>
    public static int TextHeight(int scale = 1) => BitmapFont.GlyphHeight * scale;
}
