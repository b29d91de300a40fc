using GanAugment.Evaluation.Metrics;

namespace GanAugment.Evaluation.Tests.Metrics;

public class HungarianAssignmentTests
{
    [Fact]
    public void HandWorkedSquareCase()
    {
        // The six assignments cost 6, 6, 5, 9, 7 and 11; the cheapest is rows → columns (1, 0, 2) = 1 + 2 + 2.
        double[,] cost = { { 4, 1, 3 }, { 2, 0, 5 }, { 3, 2, 2 } };
        Assert.Equal([1, 0, 2], HungarianAssignment.Minimize(cost));
    }

    [Fact]
    public void MoreColumnsThanRows()
    {
        // (0→1, 1→0) costs 2 + 2 = 4; every other pair of distinct columns costs 5 or more.
        double[,] cost = { { 1, 2, 3 }, { 2, 4, 6 } };
        Assert.Equal([1, 0], HungarianAssignment.Minimize(cost));
    }

    [Fact]
    public void MoreRowsThanColumnsLeavesTheRestUnassigned()
    {
        double[,] cost = { { 1, 2 }, { 2, 4 }, { 3, 6 } };
        Assert.Equal([1, 0, -1], HungarianAssignment.Minimize(cost));
    }

    [Fact]
    public void MaximizeTakesTheLargestTotal()
    {
        double[,] score = { { 5, 9 }, { 1, 2 } };
        Assert.Equal([1, 0], HungarianAssignment.Maximize(score)); // 9 + 1 = 10 > 5 + 2
    }

    [Fact]
    public void MatchesBruteForceOnSeededRandomMatrices()
    {
        var random = new Random(17);
        for (var trial = 0; trial < 30; trial++)
        {
            var n = 2 + trial % 5;
            var cost = new double[n, n];
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++) cost[i, j] = random.Next(20);
            var found = HungarianAssignment.Minimize(cost);
            Assert.Equal(n, found.Distinct().Count());
            Assert.Equal(BruteForce(cost, n), Enumerable.Range(0, n).Sum(i => cost[i, found[i]]));
        }
    }

    [Fact]
    public void ClusterAccuracyMatchesClustersToClasses()
    {
        // cluster 0 holds two 1s, cluster 1 two 0s and a 2, cluster 2 one 2: 0→1, 1→0, 2→2 gets 5 of 6.
        var result = ClusterAccuracy.Compute([0, 0, 1, 1, 1, 2], [1, 1, 0, 0, 2, 2], 3, 3);
        Assert.Equal(5.0 / 6, result.Accuracy, 12);
        Assert.Equal([1, 0, 2], result.ClassOfCluster);
        Assert.Equal(2, result.Counts[1, 0]);
    }

    [Fact]
    public void RenamedClustersScoreFullAccuracy() =>
        Assert.Equal(1.0, ClusterAccuracy.Compute([2, 2, 0, 1, 1], [0, 0, 1, 2, 2], 3, 3).Accuracy);

    [Fact]
    public void ExtraClustersGetNoClass()
    {
        var result = ClusterAccuracy.Compute([0, 1, 2, 2], [0, 0, 1, 1], 3, 2);
        Assert.Equal(0.75, result.Accuracy, 12);
        Assert.Equal(1, result.ClassOfCluster.Count(k => k == -1));
        Assert.Equal(1, result.ClassOfCluster[2]);
    }

    private static double BruteForce(double[,] cost, int n)
    {
        var best = double.PositiveInfinity;
        void Search(int row, bool[] used, double total)
        {
            if (row == n)
            {
                best = Math.Min(best, total);
                return;
            }
            for (var j = 0; j < n; j++)
            {
                if (used[j]) continue;
                used[j] = true;
                Search(row + 1, used, total + cost[row, j]);
                used[j] = false;
            }
        }
        Search(0, new bool[n], 0);
        return best;
    }
}
