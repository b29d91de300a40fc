using ScottPlot;
using SkiaSharp;

namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// The one typeface of every chart and grid caption: DejaVu Sans, regular and bold, read from
/// this assembly's resources (so text looks the same on every machine and is drawn on one that
/// has no font installed). Charts name it through ScottPlot's font resolvers; captions draw it
/// with SkiaSharp directly.
/// </summary>
internal static class ChartFonts
{
    /// <summary>The family name charts ask ScottPlot for; unlike any installed family, so no system font stands in.</summary>
    public const string Family = "GanAugment DejaVu Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("GanAugment.Fonts.DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("GanAugment.Fonts.DejaVuSans-Bold.ttf"));

    // NOTE: ScottPlot keeps its font resolvers in one process-wide list (its own design); ours is
    // added once, answers only to Family, and leaves every other lookup to ScottPlot.
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Fonts.FontResolvers.Add(new EmbeddedResolver());
        return true;
    });

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>Makes every text of <paramref name="plot"/> (title, axis labels, ticks, legend) use <see cref="Family"/>.</summary>
    public static void Apply(Plot plot)
    {
        _ = Registered.Value;
        plot.Font.Set(Family);
    }

    private static SKTypeface Load(string resource)
    {
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the font resource {resource} is missing from {typeof(ChartFonts).Assembly.GetName().Name}");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"SkiaSharp cannot read the font resource {resource}");
    }

    private sealed class EmbeddedResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? (bold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? (weight >= FontWeight.SemiBold ? Bold : Regular) : null;
    }
}
