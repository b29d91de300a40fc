using GanAugment.Evaluation.Tables;

namespace GanAugment.Evaluation.Tests.Tables;

public class ColumnScoreTests
{
    [Fact]
    public void KsComplementIsOneMinusTheLargestCdfGap()
    {
        // F_real - F_syn at 1..5: .25, .5, .5, .5, .25 -> D = .5
        Assert.Equal(0.5, ColumnShapes.KsComplement([1, 2, 3, 4, double.NaN], [3, 4, 5, 6]), 12);
    }

    [Fact]
    public void KsComplementStepsPastTiesOnBothSides()
    {
        // at 1: 2/3 vs 1/3; at 2: 1 vs 1 -> D = 1/3
        Assert.Equal(2.0 / 3, ColumnShapes.KsComplement([1, 1, 2], [1, 2, 2]), 12);
        Assert.Equal(1.0, ColumnShapes.KsComplement([5, 1, 3], [3, 5, 1]), 12);
    }

    [Fact]
    public void TvComplementCountsMissingAsACategory()
    {
        // real a .5 b .25 missing .25; synthetic a .25 b .75 -> TVD = (.25 + .5 + .25) / 2
        Assert.Equal(0.5, ColumnShapes.TvComplement(["a", "a", "b", null], ["a", "b", "b", "b"]), 12);
    }

    [Fact]
    public void CorrelationSimilarityIsOneMinusHalfTheGap()
    {
        Assert.Equal(0.0, ColumnPairs.CorrelationSimilarity([1, 2, 3], [2, 4, 6], [1, 2, 3], [3, 2, 1]), 12);
        // synthetic r: deviations (-1,0,1) and (-1,1,0): 1 / sqrt(2 * 2) = .5 -> 1 - |1 - .5| / 2
        Assert.Equal(0.75, ColumnPairs.CorrelationSimilarity([1, 2, 3], [2, 4, 6], [1, 2, 3], [1, 3, 2]), 12);
        Assert.True(double.IsNaN(ColumnPairs.CorrelationSimilarity([1, 1, 1], [1, 2, 3], [1, 2, 3], [1, 2, 3])));
    }

    [Fact]
    public void ContingencySimilarityComparesTheJointShares()
    {
        // real: four pairs at .25; synthetic (x,p) .5 (x,q) .25 (y,q) .25 -> TVD = (.25 + .25) / 2
        Assert.Equal(0.75, ColumnPairs.ContingencySimilarity(["x", "x", "y", "y"], ["p", "q", "p", "q"], ["x", "x", "x", "y"], ["p", "p", "q", "q"]), 12);
    }

    [Fact]
    public void NumbersAreBinnedOverTheRealRangeForContingency()
    {
        var real = new Data.Tables.NumericColumn("n", [0, 10]);
        var synthetic = new Data.Tables.NumericColumn("n", [-5, 4.9, 5, 99, double.NaN]);
        Assert.Equal("0|4|5|9|(missing)", string.Join("|", TableEvaluator.Discrete(synthetic, real, 10).Select(v => v ?? "(missing)")));
    }
}
