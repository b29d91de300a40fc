using GanAugment.Data.Tables;
using GanAugment.Evaluation.Tables;
using GanAugment.TestSupport;

namespace GanAugment.Evaluation.Tests.Tables;

public class TableEvaluatorTests
{
    private static readonly TableEvaluationOptions Options = new() { Target = "class", Seed = 3 };

    [Fact]
    public void RowsOfTheRealLawScoreHighAndTstrMatchesTrtr()
    {
        var (train, real) = (TableTestData.Make(300, 1), TableTestData.Make(150, 2));
        var e = TableEvaluator.Evaluate(real, TableTestData.Make(300, 5), train, Options);
        Assert.True(e.ColumnShapesScore > 0.85, $"shapes {e.ColumnShapesScore}");
        Assert.True(e.ColumnPairsScore > 0.85, $"pairs {e.ColumnPairsScore}");
        Assert.Equal(["x", "colour", "class"], e.ColumnShapes.Select(c => c.Column));
        Assert.Equal(["KSComplement", "TVComplement", "TVComplement"], e.ColumnShapes.Select(c => c.Metric));
        Assert.Equal(3, e.ColumnPairs.Count);
        foreach (var x in e.Efficacy) Assert.True(x.Tstr.RocAuc > 0.95 * x.Trtr!.RocAuc, $"{x.Learner}: TSTR {x.Tstr.RocAuc} vs TRTR {x.Trtr.RocAuc}");
        Assert.False(e.Privacy!.Flagged);
    }

    [Fact]
    public void RowsWithSwappedClassesLoseTheClassAgreementAndTheEfficacy()
    {
        var (train, real) = (TableTestData.Make(300, 1), TableTestData.Make(150, 2));
        var good = TableTestData.Make(300, 5);
        var classes = (CategoricalColumn)good["class"];
        var swapped = new Table([good["x"], good["colour"], new CategoricalColumn("class", ["b", "a"], [.. classes.Codes])], "class");
        var e = TableEvaluator.Evaluate(real, swapped, train, Options);
        foreach (var a in e.Agreement!)
        {
            Assert.True(a.SyntheticShare < 0.1, $"class {a.Class}: synthetic share {a.SyntheticShare}");
            Assert.True(a.RealShare > 0.9, $"class {a.Class}: real share {a.RealShare}");
        }
        Assert.All(e.Efficacy, x => Assert.True(x.Tstr.RocAuc < 0.1, $"{x.Learner}: TSTR AUC {x.Tstr.RocAuc}"));
    }

    [Fact]
    public void ACopyOfTheTrainingTableIsFlaggedAndReported()
    {
        var (train, real) = (TableTestData.Make(150, 1), TableTestData.Make(90, 2));
        var e = TableEvaluator.Evaluate(real, train, train, Options);
        Assert.True(e.Privacy!.Flagged);
        using var dir = new TempDir();
        var files = TableEvaluationReport.Save(e, real, train, dir.Path, "copy");
        Assert.Equal(2 + 3, files.Count);
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        Assert.Contains("**Flagged**", File.ReadAllText(files[0]));
        Assert.Contains("\"Flagged\": true", File.ReadAllText(files[1]));
    }

    [Fact]
    public void NumericClassesReadBackFromCsvAreAlignedToTheRealCategories()
    {
        var real = new Table([new NumericColumn("x", [1, 2, 3, 4]), CategoricalColumn.FromValues("class", ["1", "2", "1", "2"])], "class");
        var synthetic = new Table([new NumericColumn("x", [1, 2, 3, 4]), new NumericColumn("class", [2, 1, 2, 1])]);
        var aligned = TableFile.Align(synthetic, real, "synthetic");
        Assert.Equal([1, 0, 1, 0], ClassLabels.Of(real, "class").Of(aligned, "class", "synthetic"));
    }
}
