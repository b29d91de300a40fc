using GanAugment.Data.Images.Png;
using GanAugment.Data.Writers.Charts;

namespace GanAugment.Cli.Commands.Report;

/// <summary>A chart's PNG bytes, to inline in the page: the chart's own rendering, encoded as the PNG writer encodes it.</summary>
internal static class ChartPng
{
    public static byte[] Render(LineChart chart) => PngEncoder.Encode(chart.Render());
}
