using System.Globalization;
using GanAugment.Data.Images;
using GanAugment.Data.Tables;
using GanAugment.Data.Writers.Charts;

namespace GanAugment.Gans.Observers;

/// <summary>Per-column histograms of a real and a generated table, real against generated, in one PNG.</summary>
public static class TableCharts
{
    private const int Bins = 12;

    public static void WriteHistograms(Table real, Table generated, string path, string title)
    {
        var charts = real.Columns.Where(c => generated.Contains(c.Name)).Select(c => Histogram(c, generated[c.Name], title)).ToList();
        ChartGrid.Save(path, charts, columns: 3);
    }

    private static RawImage Histogram(Column real, Column generated, string title)
    {
        var (categories, realShare, fakeShare) = real is CategoricalColumn r
            ? Categorical(r, (CategoricalColumn)generated)
            : Numeric((NumericColumn)real, (NumericColumn)generated);
        return new BarChart
        {
            Title = $"{real.Name} ({title})",
            Categories = categories,
            Series = [new BarSeries("real", realShare), new BarSeries("generated", fakeShare)],
            YLabel = "share of rows",
            Width = 420,
            Height = 260,
        }.Render();
    }

    private static (IReadOnlyList<string>, double[], double[]) Categorical(CategoricalColumn real, CategoricalColumn generated)
    {
        var names = real.Categories.Union(generated.Categories).ToList();
        return (names, Shares(names, real), Shares(names, generated));
    }

    private static double[] Shares(List<string> names, CategoricalColumn column)
    {
        var shares = new double[names.Count];
        for (var i = 0; i < column.Count; i++)
            if (column[i] is { } value) shares[names.IndexOf(value)] += 1.0 / column.Count;
        return shares;
    }

    private static (IReadOnlyList<string>, double[], double[]) Numeric(NumericColumn real, NumericColumn generated)
    {
        var values = real.Values.Where(double.IsFinite).ToArray();
        var (low, high) = values.Length == 0 ? (0.0, 1.0) : (values.Min(), values.Max());
        if (high <= low) high = low + 1;
        var width = (high - low) / Bins;
        var labels = Enumerable.Range(0, Bins).Select(b => (low + b * width).ToString("G3", CultureInfo.InvariantCulture)).ToList();
        return (labels, Binned(real, low, width), Binned(generated, low, width));
    }

    private static double[] Binned(NumericColumn column, double low, double width)
    {
        var shares = new double[Bins];
        foreach (var v in column.Values)
            if (double.IsFinite(v)) shares[Math.Clamp((int)((v - low) / width), 0, Bins - 1)] += 1.0 / column.Count;
        return shares;
    }
}
