using GanAugment.Data.Writers.Charts;

namespace GanAugment.Cli.Commands.Report;

/// <summary>A chart's PNG bytes, through the chart's own <see cref="LineChart.SavePng"/> into a temporary folder that is deleted afterwards.</summary>
internal static class ChartPng
{
    public static byte[] Render(LineChart chart)
    {
        var folder = Directory.CreateTempSubdirectory("ganaug-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "chart.png");
            chart.SavePng(path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
