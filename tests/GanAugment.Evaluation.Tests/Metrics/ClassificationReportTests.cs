using GanAugment.Evaluation.Metrics;

namespace GanAugment.Evaluation.Tests.Metrics;

public class ClassificationReportTests
{
    [Fact]
    public void ThreeClasses_ByHand()
    {
        // Confusion (rows true, columns predicted): [[2, 1, 0], [1, 1, 0], [0, 1, 0]].
        // Precision: 2/3, 1/3, 0 (class 2 never predicted). Recall: 2/3, 1/2, 0.
        // F1: 2/3, 2·(1/3)(1/2)/(5/6) = 0.4, 0. Accuracy 3/6; balanced (2/3 + 1/2 + 0)/3 = 7/18.
        var report = ClassificationReport.Compute([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 0, 1], 3);
        Assert.Equal(2, report[0, 0]);
        Assert.Equal(1, report[0, 1]);
        Assert.Equal(1, report[1, 0]);
        Assert.Equal(1, report[2, 1]);
        Assert.Equal(0, report[2, 2]);
        AssertAll([2.0 / 3, 1.0 / 3, 0], report.Precision);
        AssertAll([2.0 / 3, 0.5, 0], report.Recall);
        AssertAll([2.0 / 3, 0.4, 0], report.F1);
        Assert.Equal([3, 2, 1], report.Support);
        Assert.Equal(0.5, report.Accuracy, 12);
        Assert.Equal(7.0 / 18, report.BalancedAccuracy, 12);
        Assert.Equal((2.0 / 3 + 0.4) / 3, report.MacroF1, 12);
    }

    [Fact]
    public void ClassAbsentFromTruth_LeftOutOfBalancedAccuracy()
    {
        // Class 2 has no true samples: recall 0 by definition, not averaged; precision 0.
        var report = ClassificationReport.Compute([0, 1], [0, 2], 3);
        Assert.Equal(0, report.Recall[2]);
        Assert.Equal(0, report.Precision[2]);
        Assert.Equal(0.5, report.BalancedAccuracy, 12);
        Assert.Equal(0.5, report.Accuracy, 12);
    }

    [Fact]
    public void PerfectPrediction_AllOnes()
    {
        var report = ClassificationReport.Compute([0, 1, 1, 2], [0, 1, 1, 2], 3);
        AssertAll([1, 1, 1], report.F1);
        Assert.Equal(1, report.BalancedAccuracy);
    }

    [Fact]
    public void BadLabels_Throw()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0, 3], [0, 1], 3));
        Assert.Contains("sample 1", error.Message);
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0, 1], [0], 3));
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([], [], 3));
    }

    private static void AssertAll(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 12);
        }
    }
}
