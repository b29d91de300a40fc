using GanAugment.Data.Writers.Charts;

namespace GanAugment.Data.Tests.Writers.Charts;

public class CanvasTests
{
    private static readonly Rgb Red = new(255, 0, 0);

    /// <summary>The canvas as rows of '#' (not background) and '.'.</summary>
    private static string[] Ascii(Canvas canvas) =>
        Enumerable.Range(0, canvas.Height)
            .Select(y => string.Concat(Enumerable.Range(0, canvas.Width).Select(x => canvas[x, y] == Rgb.White ? '.' : '#')))
            .ToArray();

    [Fact]
    public void FillRectangle_ClipsToCanvas()
    {
        var canvas = new Canvas(4, 3, Rgb.White);
        canvas.FillRectangle(-2, 1, 4, 10, Red);
        Assert.Equal(["....", "##..", "##.."], Ascii(canvas));
    }

    [Fact]
    public void Text_DrawsGlyphRows()
    {
        var canvas = new Canvas(11, 7, Rgb.White);
        canvas.DrawText("L1", 0, 0, Red);
        Assert.Equal(
            [
                "#.......#..",
                "#......##..",
                "#.......#..",
                "#.......#..",
                "#.......#..",
                "#.......#..",
                "#####..###.",
            ],
            Ascii(canvas));
    }

    [Fact]
    public void TextUp_IsRotatedAnticlockwise()
    {
        // "L" turned a quarter anticlockwise: its foot points up, its stem lies along the bottom.
        var canvas = new Canvas(7, 5, Rgb.White);
        canvas.DrawTextUp("L", 0, 5, Red);
        Assert.Equal(["......#", "......#", "......#", "......#", "#######"], Ascii(canvas));
    }

    [Fact]
    public void Text_UnknownCharacter_IsAHollowBox()
    {
        var canvas = new Canvas(5, 7, Rgb.White);
        canvas.DrawText("\u2603", 0, 0, Red);
        Assert.Equal(["#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####"], Ascii(canvas));
    }

    [Fact]
    public void MeasureText_OmitsTrailingSpacing()
    {
        Assert.Equal(11, Canvas.MeasureText("ab"));
        Assert.Equal(22, Canvas.MeasureText("ab", 2));
        Assert.Equal(0, Canvas.MeasureText(""));
    }
}
