using GanAugment.Data.Tables;
using GanAugment.Evaluation.Tables;

namespace GanAugment.Evaluation.Tests.Tables;

public class TableProtocolTests
{
    [Fact]
    public void StratifiedSplitKeepsEachClassShare()
    {
        var table = TableTestData.Make(90, 0);
        var (train, test) = TableSplit.Stratified(table, "class", 0.3, 4);
        Assert.Equal([42, 21], train.ClassCounts());
        Assert.Equal([18, 9], test.ClassCounts());
    }

    [Fact]
    public void AddedRowsAreAlignedByColumnNameAndKeepTheFirstTablesCategories()
    {
        var a = new Table([CategoricalColumn.FromValues("c", ["x", "y"]), new NumericColumn("n", [1, 2])]);
        var b = new Table([new NumericColumn("n", [3]), CategoricalColumn.FromValues("c", ["z"])]);
        var joined = TableRows.Append(a, TableFile.Align(b, a, "added"));
        var c = (CategoricalColumn)joined["c"];
        Assert.Equal(["x", "y", "z"], c.Categories);
        Assert.Equal([0, 1, 2], c.Codes);
        Assert.Equal([1.0, 2, 3], ((NumericColumn)joined["n"]).Values);
    }

    [Fact]
    public void EveryClassBelowTheLargestIsRaisedAndScoredPerClass()
    {
        var experiment = new TableImbalanceExperiment { Target = "class", Methods = ["plain", "oversample", "smote-nc"], Seeds = 2 };
        var results = new TableImbalanceProtocol(experiment).Run(TableTestData.Make(150, 1), TableTestData.Make(90, 2), "toy");
        Assert.Equal([100, 50], results.TrainCounts);
        Assert.Equal([1], results.Minority);
        Assert.Equal(3 * 2, results.Runs.Count);
        var report = TableImbalanceReport.From(results);
        Assert.Equal(["minority recall", "recall b", "F1 b", "balanced accuracy", "macro-F1", "accuracy"], report.Table.Metrics);
        Assert.All(report.Table.Methods, m => Assert.InRange(report.Table[m, "recall b"]!.Value.Value.Mean, 0.9, 1));
    }

    [Fact]
    public void AnImageModelIsNotATableMethod()
    {
        var e = Assert.Throws<ArgumentException>(() => new TableImbalanceExperiment { Target = "class", Methods = ["plain", "dcgan"] }.Validate());
        Assert.Contains("unknown method 'dcgan'", e.Message);
    }
}
