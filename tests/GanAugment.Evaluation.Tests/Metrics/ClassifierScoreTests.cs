using GanAugment.Evaluation.Metrics;

namespace GanAugment.Evaluation.Tests.Metrics;

public class ClassifierScoreTests
{
    /// <summary>One-hot rows with the given classes.</summary>
    private static float[] Confident(int classes, params int[] labels)
    {
        var p = new float[labels.Length * classes];
        for (var i = 0; i < labels.Length; i++)
        {
            p[i * classes + labels[i]] = 1;
        }

        return p;
    }

    [Fact]
    public void UniformPredictions_ScoreOne()
    {
        var p = Enumerable.Repeat(0.25f, 6 * 4).ToArray();
        Assert.Equal(1, ClassifierScore.Compute(p, 6, 4), 6);
    }

    [Fact]
    public void ConfidentAndBalanced_ScoreIsClassCount()
    {
        Assert.Equal(4, ClassifierScore.Compute(Confident(4, 0, 1, 2, 3, 3, 2, 1, 0), 8, 4), 10);
    }

    [Fact]
    public void ConfidentButOneClass_ScoreOne()
    {
        Assert.Equal(1, ClassifierScore.Compute(Confident(3, 2, 2, 2), 3, 3), 10);
    }

    [Fact]
    public void MixedRows_ByHand()
    {
        // Rows (1, 0) and (0.5, 0.5): p(y) = (0.75, 0.25);
        // KL₁ = ln(1/0.75), KL₂ = 0.5·ln(0.5/0.75) + 0.5·ln(0.5/0.25).
        var expected = Math.Exp((Math.Log(4.0 / 3) + 0.5 * Math.Log(2.0 / 3) + 0.5 * Math.Log(2)) / 2);
        Assert.Equal(expected, ClassifierScore.Compute([1, 0, 0.5f, 0.5f], 2, 2), 6);
    }

    [Fact]
    public void Splits_MeanAndSampleStd()
    {
        // First half all class 0 (score 1), second half balanced (score 2): mean 1.5, std √0.5.
        var summary = ClassifierScore.Compute(Confident(2, 0, 0, 0, 0, 0, 1, 0, 1), 8, 2, splits: 2);
        Assert.Equal(1.5, summary.Mean, 10);
        Assert.Equal(Math.Sqrt(0.5), summary.StandardDeviation, 10);
        Assert.Equal(2, summary.Count);
    }

    [Fact]
    public void Splits_UnevenRows_UseEveryRow()
    {
        // 5 rows in 2 splits: rows 0-1 and 2-4; the last row (class 1) makes the second split score > 1.
        var summary = ClassifierScore.Compute(Confident(2, 0, 1, 0, 0, 1), 5, 2, splits: 2);
        var secondSplit = Math.Exp((2 * Math.Log(3.0 / 2) + Math.Log(3.0)) / 3);
        Assert.Equal((2 + secondSplit) / 2, summary.Mean, 6);
    }

    [Fact]
    public void Logits_AreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassifierScore.Compute([2, 1, 0.5f, 0.5f], 2, 2));
        Assert.Contains("row 0", error.Message);
        Assert.Throws<ArgumentException>(() => ClassifierScore.Compute([0.5f, 0.5f], 1, 2, splits: 2));
    }
}
