using GanAugment.Data.Tables;
using GanAugment.Gans.Tables;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Tables;

public class TableSynthesizerTests
{
    // NOTE: 900 steps at lr 1e-3 (CTGAN's 2e-4 needs several times more steps than a test should take).
    private static readonly Lazy<TableSynthesizer> Fitted = new(() =>
        new TableSynthesizer(new() { Model = TableToys.Small with { Pac = 10, GeneratorWidth = 64, CriticWidth = 64, Adam = new(1e-3, 0.5, 0.9) }, Epochs = 150, BatchSize = 100, Seed = 3 })
            .Fit(TableToys.Correlated(), "label"));

    [Fact]
    public void ASmallToyTableIsLearnedWhereIndependentColumnsFail()
    {
        var real = TableToys.Correlated();
        var synthetic = Fitted.Value.Sample(1000);
        var naive = Naive(real, 1000, new Random(1));
        // Correlation of the two numeric columns: 0.96 in the data, 0.63 generated (seeded), about 0 for independent columns.
        var correlation = TableToys.Correlation(((NumericColumn)synthetic["x"]).Values, ((NumericColumn)synthetic["y"]).Values);
        var naiveCorrelation = TableToys.Correlation(((NumericColumn)naive["x"]).Values, ((NumericColumn)naive["y"]).Values);
        Assert.True(correlation > 0.4, $"correlation of x and y in generated rows {correlation:F3}");
        Assert.True(Math.Abs(naiveCorrelation) < 0.2, $"naive {naiveCorrelation:F3}");
        // The rare class: 80 % of fraud rows are red, 12 % of all rows.
        var fraud = Fitted.Value.Sample(300, "fraud");
        var ok = Fitted.Value.Sample(300, "ok");
        var (redFraud, redOk, redNaive) = (TableToys.Share(fraud, "colour", "red"), TableToys.Share(ok, "colour", "red"), TableToys.Share(naive, "colour", "red"));
        Assert.True(redFraud > 0.5 && redOk < 0.25, $"red among fraud {redFraud:F2}, among ok {redOk:F2}");
        Assert.True(redNaive < 0.25, $"naive red share {redNaive:F2}");
    }

    [Fact]
    public void SampleGivesExactlyTheAskedClassAndCountInTheInputColumns()
    {
        var rows = Fitted.Value.Sample(37, "fraud");
        Assert.Equal(["x", "colour", "y", "label"], rows.Columns.Select(c => c.Name));
        Assert.Equal(37, rows.RowCount);
        Assert.Equal(1.0, TableToys.Share(rows, "label", "fraud"));
        var (x, seen) = ((NumericColumn)rows["x"], (NumericColumn)TableToys.Correlated()["x"]);
        Assert.All(x.Values, v => Assert.InRange(v, seen.Min, seen.Max));
        var red = Fitted.Value.Sample(20, "ok", where: ("colour", "red"));
        Assert.Equal((1.0, 1.0), (TableToys.Share(red, "label", "ok"), TableToys.Share(red, "colour", "red")));
        Assert.Contains("its classes: fraud, ok", Assert.Throws<ArgumentException>(() => Fitted.Value.Sample(3, "theft")).Message.Replace("ok, fraud", "fraud, ok"));
    }

    [Fact]
    public void NumericColumnsNamedDiscreteBecomeCategories()
    {
        var table = Modalities.ModalityTests.MixedTable();
        var s = new TableSynthesizer(new() { Model = TableToys.Small, Epochs = 1, BatchSize = 8 }).Fit(table, "label", ["count"]);
        Assert.Contains("count", s.Model!.Vector.Slots.Select(v => v.Column));
        // Modelled as categories, written back as the numbers they were.
        var counts = (NumericColumn)s.Sample(50)["count"];
        Assert.All(counts.Values, v => Assert.Contains(v, new[] { 0.0, 1, 2, 3, 4, 5, 6 }));
        Assert.Contains("not found", Assert.Throws<Data.DataFormatException>(() => new TableSynthesizer().Fit(table, "label", ["colours"])).Message);
    }

    /// <summary>The naive baseline: every column drawn on its own from its marginal.</summary>
    private static Table Naive(Table real, int count, Random random) =>
        new([.. real.Columns.Select(c => c.SelectRows([.. Enumerable.Range(0, count).Select(_ => random.Next(real.RowCount))]))], real.LabelName);
}
