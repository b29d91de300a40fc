using GanAugment.Data.Tables;
using GanAugment.Evaluation.Tables;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Tests.Tables;

public class PrivacyAndDetectionTests
{
    [Fact]
    public void GowerDistanceToTheClosestTrainingRowByHand()
    {
        var train = new Table([new NumericColumn("x", [0, 10]), CategoricalColumn.FromValues("c", ["a", "b"])]);
        var rows = new Table([new NumericColumn("x", [5, 10, 2, double.NaN]), CategoricalColumn.FromValues("c", ["a", "b", "b", "a"])]);
        // (5,a): to (0,a) (.5 + 0) / 2; (10,b): a copy; (2,b): to (0,a) (.2 + 1) / 2 = .6, to (10,b) (.8 + 0) / 2 = .4; (NaN,a): (1 + 0) / 2
        var d = new DistanceToClosestRecord(train).Closest(rows);
        Assert.Equal([0.25, 0, 0.4, 0.5], d.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void ACopyOfTheTrainingRowsIsFlagged()
    {
        var train = TableTestData.Make(120, 1);
        var holdout = TableTestData.Make(60, 2);
        var dcr = new DistanceToClosestRecord(train);
        var copy = dcr.Compare(train.SelectRows([.. Enumerable.Range(0, 60)]), holdout);
        Assert.True(copy.Flagged);
        Assert.Equal(0, copy.SyntheticMedian);
        Assert.Equal(1, copy.SyntheticExactShare);
        var fresh = dcr.Compare(TableTestData.Make(60, 3, shift: 0.5), holdout);
        Assert.False(fresh.Flagged, $"fresh rows: median {fresh.SyntheticMedian} vs held-out {fresh.HoldoutMedian}");
    }

    [Fact]
    public void DetectionScoreFollowsSdMetrics()
    {
        Assert.Equal(1, Detection.Score(0.5));
        Assert.Equal(1, Detection.Score(0.3));
        Assert.Equal(0.5, Detection.Score(0.75), 12);
        Assert.Equal(0, Detection.Score(1));
    }

    [Fact]
    public void DetectionTellsShiftedRowsApartButNotRowsOfTheSameLaw()
    {
        float[][] Rows(int n, ulong seed, float shift)
        {
            var rng = new Rng(seed);
            return [.. Enumerable.Range(0, n).Select(_ => new[] { (float)rng.NextDouble() + shift, (float)rng.NextDouble() })];
        }
        var real = Rows(150, 1, 0);
        var far = Detection.Compute(real, Rows(150, 2, 3), 3, 0);
        Assert.Equal(1, far.RocAuc, 6);
        Assert.Equal(0, far.Score, 6);
        var same = Detection.Compute(real, Rows(150, 3, 0), 3, 0);
        Assert.True(same.RocAuc < 0.65 && same.Score > 0.7, $"AUC {same.RocAuc}");
    }

    [Fact]
    public void FoldsAreStratified()
    {
        int[] labels = [.. Enumerable.Repeat(0, 9), .. Enumerable.Repeat(1, 6)];
        var folds = Detection.Folds(labels, 3, new Rng(4));
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(3, Enumerable.Range(0, 9).Count(i => folds[i] == k));
            Assert.Equal(2, Enumerable.Range(9, 6).Count(i => folds[i] == k));
        }
    }
}
