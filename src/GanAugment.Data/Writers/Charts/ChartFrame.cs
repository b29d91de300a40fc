namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// What every chart shares: the margins, the title size, the ink and grid colours, and the title
/// and axis labels drawn around a plot rectangle.
/// </summary>
internal static class ChartFrame
{
    public const int Pad = 10;
    public const int TickLength = 4;
    public const int TitleScale = 2;
    public const int LegendRow = 14;

    public static readonly Rgb Ink = new(40, 40, 40);
    public static readonly Rgb Grid = new(225, 225, 225);

    /// <summary>The title centred at the top (smaller when it does not fit), the x label centred under the plot, the y label upright at the left.</summary>
    public static void DrawTitleAndAxisLabels(Canvas canvas, int width, int height, int plotLeft, int plotTop, int plotRight, int plotBottom, string title, string xLabel, string yLabel)
    {
        var titleScale = Canvas.MeasureText(title, TitleScale) <= width - 2 * Pad ? TitleScale : 1;
        canvas.DrawText(title, (width - Canvas.MeasureText(title, titleScale)) / 2, Pad, Ink, titleScale);
        var plotCentreX = (plotLeft + plotRight) / 2;
        canvas.DrawText(xLabel, plotCentreX - Canvas.MeasureText(xLabel) / 2, height - Pad - Canvas.TextHeight(), Ink);
        var plotCentreY = (plotTop + plotBottom) / 2;
        canvas.DrawTextUp(yLabel, Pad, plotCentreY + Canvas.MeasureText(yLabel) / 2, Ink);
    }
}
