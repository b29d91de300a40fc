using GanAugment.Evaluation.Tables;

namespace GanAugment.Evaluation.Tests.Tables;

public class RocAucTests
{
    [Fact]
    public void BinaryAucCountsCorrectlyOrderedPairs()
    {
        // positives .35 and .8 against negatives .1 and .4: 3 of 4 pairs in order
        Assert.Equal(0.75, RocAuc.Binary([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 12);
    }

    [Fact]
    public void TiesCountHalf()
    {
        Assert.Equal(0.5, RocAuc.Binary([0.5, 0.5], [true, false]), 12);
        Assert.Equal(0.875, RocAuc.Binary([0.5, 0.5, 0.9, 0.1], [true, false, true, false]), 12);
        Assert.True(double.IsNaN(RocAuc.Binary([0.1, 0.2], [true, true])));
    }

    [Fact]
    public void MacroOneVsRestAveragesThePerClassAucs()
    {
        // class 0: 1; class 1 scores (.1, .3, .5), positive .3: 1/2; class 2 scores (.1, .4, .3), positive .3: 1/2
        double[][] p = [[0.8, 0.1, 0.1], [0.3, 0.3, 0.4], [0.2, 0.5, 0.3]];
        Assert.Equal(2.0 / 3, RocAuc.MacroOneVsRest(p, [0, 1, 2], 3), 12);
    }

    [Fact]
    public void TwoClassMacroIsTheBinaryAuc()
    {
        double[][] p = [[0.9, 0.1], [0.4, 0.6], [0.7, 0.3], [0.2, 0.8]];
        Assert.Equal(RocAuc.Binary([0.1, 0.6, 0.3, 0.8], [false, true, true, false]), RocAuc.MacroOneVsRest(p, [0, 1, 1, 0], 2), 12);
    }

    [Fact]
    public void ClassifierScoresByHand()
    {
        // predicted 0, 1, 0, 1 against 0, 1, 1, 0: each class one hit, one false alarm, one miss
        double[][] p = [[0.9, 0.1], [0.4, 0.6], [0.7, 0.3], [0.2, 0.8]];
        var s = ClassifierScores.Of(p, [0, 1, 1, 0], 2);
        Assert.Equal(0.5, s.Accuracy, 12);
        Assert.Equal(0.5, s.MacroF1, 12);
        Assert.Equal(0.5, s.RocAuc, 12);
    }
}
