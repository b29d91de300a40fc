using GanAugment.Data.Writers.Charts;

namespace GanAugment.Data.Tests.Writers.Charts;

public sealed class ChartFontsTests
{
    [Fact]
    public void The_typefaces_come_from_the_assembly_with_glyphs_for_text()
    {
        Assert.Equal("DejaVu Sans", ChartFonts.Regular.FamilyName);
        Assert.Equal("DejaVu Sans", ChartFonts.Bold.FamilyName);
        Assert.True(ChartFonts.Bold.FontStyle.Weight > ChartFonts.Regular.FontStyle.Weight);
        // Every glyph of a caption exists (glyph 0 is the "missing" box).
        Assert.DoesNotContain((ushort)0, ChartFonts.Regular.GetGlyphs("Digit g, 9 ± 0.5 σ"));
    }

    [Fact]
    public void ScottPlot_resolves_the_charts_family_to_the_embedded_faces()
    {
        ChartFonts.Apply(new ScottPlot.Plot());
        Assert.Same(ChartFonts.Regular, ScottPlot.Fonts.GetTypeface(ChartFonts.Family, bold: false, italic: false));
        Assert.Same(ChartFonts.Bold, ScottPlot.Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false));
    }

    [Fact]
    public void A_g_and_a_9_are_drawn_differently()
    {
        var (g, gw, gh) = ChartText.Mask("g", 16);
        var (nine, nw, nh) = ChartText.Mask("9", 16);
        Assert.Equal(gh, nh);
        Assert.True(gw != nw || !g.SequenceEqual(nine));
        Assert.True(g.Count(v => v > 128) > 10 && nine.Count(v => v > 128) > 10);
    }
}
