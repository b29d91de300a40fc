using GanAugment.Data.Writers.Charts;
using System.Security.Cryptography;
using GanAugment.Evaluation.Reports;

namespace GanAugment.Evaluation.Tests.Reports;

/// <summary>
/// Pins the exact bytes of saved charts (SHA-256, first 16 hex digits), so swapping the CRC-32,
/// the PNG encoder or the atomic writer underneath cannot move a byte. The texts avoid 'A', 'Y' and
/// the apostrophe, whose glyphs differed between the two fonts that were merged.
/// </summary>
public sealed class PngBytePinTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Saved(Action<string> save)
    {
        var path = Path.Combine(_temp.Path, "chart.png");
        save(path);
        return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))[..16];
    }

    [Fact]
    public void A_bar_chart_saves_the_pinned_bytes() => Assert.Equal("F02D69B1F1C94DC8", Saved(new BarChart
    {
        Title = "Minority-class recall",
        Categories = ["digit 0", "digit 3", "digit 7"],
        Series =
        [
            new BarSeries("baseline", [0.2, 0.5, 0.6], [0.05, 0.1, 0.02]),
            new BarSeries("smote", [0.4, 0.6, 0.7]),
        ],
        XLabel = "minority class",
        YLabel = "recall +/- sd",
        Width = 480,
        Height = 300,
    }.SavePng));

    [Fact]
    public void A_line_chart_saves_the_pinned_bytes() => Assert.Equal("7CA10843C516E998", Saved(new LineChart
    {
        Title = "losses",
        Series =
        [
            new LineSeries("g", [1, 2, 3, 4, 5], [1.2, 0.9, 0.7, 0.6, 0.55]),
            new LineSeries("reference", [1, 2, 3, 4, 5], [0.35, 0.35, 0.35, 0.35, 0.35]) { Dashed = true },
        ],
        XLabel = "epoch",
        YLabel = "loss",
        WholeNumberX = true,
        Width = 400,
        Height = 260,
    }.SavePng));
}
