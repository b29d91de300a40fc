namespace GanAugment.Data.Writers;

/// <summary>
/// A 5x7 pixel font for labelling image grids: digits, upper-case letters (lower case is drawn
/// upper case), space and <c>. , : ; - _ + = / ( ) [ ] % # ? ! ' &lt; &gt; *</c>. Other characters are drawn
/// as '?'. Glyphs advance 6 pixels (one column of space between letters).
/// </summary>
public static class BitmapFont
{
    public const int GlyphWidth = 5;
    public const int GlyphHeight = 7;
    public const int Advance = GlyphWidth + 1;

    // Each glyph is seven rows, top first; '#' is ink.
    private static readonly Dictionary<char, byte[]> Glyphs = new[]
    {
        G('0', ".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."),
        G('1', "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
        G('2', ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
        G('3', "#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."),
        G('4', "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
        G('5', "#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
        G('6', "..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
        G('7', "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
        G('8', ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
        G('9', ".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
        G('A', ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
        G('B', "####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."),
        G('C', ".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."),
        G('D', "###..", "#..#.", "#...#", "#...#", "#...#", "#..#.", "###.."),
        G('E', "#####", "#....", "#....", "####.", "#....", "#....", "#####"),
        G('F', "#####", "#....", "#....", "####.", "#....", "#....", "#...."),
        G('G', ".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"),
        G('H', "#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
        G('I', ".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."),
        G('J', "..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."),
        G('K', "#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"),
        G('L', "#....", "#....", "#....", "#....", "#....", "#....", "#####"),
        G('M', "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"),
        G('N', "#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"),
        G('O', ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
        G('P', "####.", "#...#", "#...#", "####.", "#....", "#....", "#...."),
        G('Q', ".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"),
        G('R', "####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"),
        G('S', ".####", "#....", "#....", ".###.", "....#", "....#", "####."),
        G('T', "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."),
        G('U', "#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
        G('V', "#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."),
        G('W', "#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."),
        G('X', "#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"),
        G('Y', "#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."),
        G('Z', "#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"),
        G(' ', ".....", ".....", ".....", ".....", ".....", ".....", "....."),
        G('.', ".....", ".....", ".....", ".....", ".....", ".##..", ".##.."),
        G(',', ".....", ".....", ".....", ".....", ".##..", "..#..", ".#..."),
        G(':', ".....", ".##..", ".##..", ".....", ".##..", ".##..", "....."),
        G(';', ".....", ".##..", ".##..", ".....", ".##..", "..#..", ".#..."),
        G('-', ".....", ".....", ".....", "#####", ".....", ".....", "....."),
        G('_', ".....", ".....", ".....", ".....", ".....", ".....", "#####"),
        G('+', ".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."),
        G('=', ".....", ".....", "#####", ".....", "#####", ".....", "....."),
        G('/', ".....", "....#", "...#.", "..#..", ".#...", "#....", "....."),
        G('(', "...#.", "..#..", ".#...", ".#...", ".#...", "..#..", "...#."),
        G(')', ".#...", "..#..", "...#.", "...#.", "...#.", "..#..", ".#..."),
        G('[', ".###.", ".#...", ".#...", ".#...", ".#...", ".#...", ".###."),
        G(']', ".###.", "...#.", "...#.", "...#.", "...#.", "...#.", ".###."),
        G('%', "##...", "##..#", "...#.", "..#..", ".#...", "#..##", "...##"),
        G('#', ".#.#.", ".#.#.", "#####", ".#.#.", "#####", ".#.#.", ".#.#."),
        G('?', ".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.."),
        G('!', "..#..", "..#..", "..#..", "..#..", "..#..", ".....", "..#.."),
        G('\'', "..#..", "..#..", ".#...", ".....", ".....", ".....", "....."),
        G('<', "...#.", "..#..", ".#...", "#....", ".#...", "..#..", "...#."),
        G('>', ".#...", "..#..", "...#.", "....#", "...#.", "..#..", ".#..."),
        G('*', ".....", "..#..", "#.#.#", ".###.", "#.#.#", "..#..", "....."),
    }.ToDictionary(g => g.Key, g => g.Value);

    /// <summary>True when the font has a glyph of its own for <paramref name="c"/> (after upper-casing).</summary>
    public static bool Supports(char c) => Glyphs.ContainsKey(char.ToUpperInvariant(c));

    /// <summary>Whether pixel (x, y) of the glyph of <paramref name="c"/> is ink; x in 0..4, y in 0..6.</summary>
    public static bool IsInk(char c, int x, int y)
    {
        if ((uint)x >= GlyphWidth || (uint)y >= GlyphHeight) return false;
        var glyph = Glyphs.GetValueOrDefault(char.ToUpperInvariant(c)) ?? Glyphs['?'];
        return (glyph[y] >> (GlyphWidth - 1 - x) & 1) != 0;
    }

    /// <summary>Width in pixels of <paramref name="text"/> drawn in one line (no trailing space column).</summary>
    public static int MeasureWidth(string text) => text.Length == 0 ? 0 : text.Length * Advance - 1;

    /// <summary>
    /// Draws <paramref name="text"/> with its top-left corner at (x, y) into interleaved pixels
    /// (H·W·C), setting every channel of ink pixels to <paramref name="ink"/>; pixels outside the
    /// image are skipped.
    /// </summary>
    public static void Draw(string text, int x, int y, byte ink, Span<byte> pixels, int width, int height, int channels)
    {
        if (pixels.Length != width * height * channels) throw new ArgumentException($"{pixels.Length} bytes are not a {width}x{height}x{channels} image");
        for (var i = 0; i < text.Length; i++)
            for (var gy = 0; gy < GlyphHeight; gy++)
                for (var gx = 0; gx < GlyphWidth; gx++)
                {
                    var px = x + i * Advance + gx;
                    var py = y + gy;
                    if ((uint)px >= width || (uint)py >= height || !IsInk(text[i], gx, gy)) continue;
                    pixels.Slice((py * width + px) * channels, channels).Fill(ink);
                }
    }

    private static KeyValuePair<char, byte[]> G(char c, params string[] rows)
    {
        if (rows.Length != GlyphHeight || rows.Any(r => r.Length != GlyphWidth))
            throw new InvalidOperationException($"glyph '{c}' is not {GlyphWidth}x{GlyphHeight}");
        return new(c, [.. rows.Select(r => (byte)r.Aggregate(0, (bits, ch) => bits << 1 | (ch == '#' ? 1 : 0)))]);
    }
}
