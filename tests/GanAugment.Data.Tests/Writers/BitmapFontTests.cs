using GanAugment.Data.Writers;

namespace GanAugment.Data.Tests.Writers;

public class BitmapFontTests
{
    private static string Render(char c) =>
        string.Join("\n", Enumerable.Range(0, 7).Select(y => new string([.. Enumerable.Range(0, 5).Select(x => BitmapFont.IsInk(c, x, y) ? '#' : '.')])));

    [Fact]
    public void Glyphs_read_as_their_characters()
    {
        Assert.Equal(".###.\n#...#\n#...#\n#####\n#...#\n#...#\n#...#", Render('A'));
        Assert.Equal("..#..\n.##..\n..#..\n..#..\n..#..\n..#..\n.###.", Render('1'));
        Assert.Equal(".....\n.....\n.....\n#####\n.....\n.....\n.....", Render('-'));
    }

    [Fact]
    public void Covers_printable_ascii_and_plus_minus_and_draws_anything_else_as_a_hollow_box()
    {
        foreach (var c in Enumerable.Range(32, 95).Select(i => (char)i).Append('\u00B1'))
            Assert.True(BitmapFont.Supports(c), $"no glyph for '{c}'");
        Assert.NotEqual(Render('G'), Render('g'));
        Assert.False(BitmapFont.Supports('\u2603'));
        Assert.Equal("#####\n#...#\n#...#\n#...#\n#...#\n#...#\n#####", Render('\u2603'));
    }

    [Fact]
    public void Every_glyph_except_space_has_ink_and_glyphs_differ()
    {
        var chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.,:;-_+=/()[]%#?!'<>*";
        Assert.All(chars, c => Assert.Contains('#', Render(c)));
        Assert.Equal(chars.Length, chars.Select(Render).Distinct().Count());
        Assert.DoesNotContain('#', Render(' '));
    }

    [Fact]
    public void Draw_clips_at_the_image_border()
    {
        var pixels = new byte[4 * 3];
        BitmapFont.Draw("8", -2, -1, 200, pixels, 4, 3, 1);
        // Rows 1..3 of '8' (#...#, #...#, .###.), columns 2..4 at x 0..2.
        Assert.Equal(new byte[] { 0, 0, 200, 0, 0, 0, 200, 0, 200, 200, 0, 0 }, pixels);
    }

    [Fact]
    public void Width_of_text() => Assert.Equal(3 * 6 - 1, BitmapFont.MeasureWidth("abc"));
}
