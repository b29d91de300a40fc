using GanAugment.Evaluation.Features;

namespace GanAugment.Evaluation.Tests.Features;

public class FeatureClassifierTests
{
    private static FeatureSet Set(float[,] rows, int[] labels)
    {
        var (n, w) = (rows.GetLength(0), rows.GetLength(1));
        var values = new float[n * w];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < w; k++) values[i * w + k] = rows[i, k];
        return new FeatureSet(values, n, w, labels, ["a", "b", "c"]);
    }

    [Fact]
    public void NearestNeighbourTakesTheLabelOfTheClosestTrainingRow()
    {
        var train = Set(new float[,] { { 0, 0 }, { 10, 0 }, { 0, 10 } }, [0, 1, 2]);
        var test = Set(new float[,] { { 1, 1 }, { 9, 2 }, { 2, 7 }, { 6, 0 } }, [0, 1, 2, 0]);
        Assert.Equal([0, 1, 2, 1], NearestNeighbour.Predict(train, test, chunk: 3));
        Assert.Equal(0.75, NearestNeighbour.Accuracy(train, test));
    }

    [Fact]
    public void LogisticRegressionSeparatesLinearlySeparableClasses()
    {
        var rng = new Random(4);
        float[,] Points(int n, out int[] labels)
        {
            var rows = new float[n, 3];
            labels = new int[n];
            for (var i = 0; i < n; i++)
            {
                var y = i % 3;
                rows[i, 0] = (float)(rng.NextDouble() + (y == 1 ? 3 : 0));
                rows[i, 1] = (float)(rng.NextDouble() + (y == 2 ? 3 : 0));
                rows[i, 2] = 7f; // a constant feature must not break the standardisation
                labels[i] = y;
            }
            return rows;
        }
        var train = Set(Points(150, out var trainLabels), trainLabels);
        var test = Set(Points(60, out var testLabels), testLabels);
        Assert.Equal(1.0, LogisticRegression.Accuracy(train, test, new LogisticRegressionOptions { Epochs = 30, LearningRate = 0.05 }));
    }

    [Fact]
    public void BesideAndRowsKeepItemsAligned()
    {
        var a = Set(new float[,] { { 1 }, { 2 }, { 3 } }, [0, 1, 2]);
        var b = Set(new float[,] { { 10, 11 }, { 20, 21 }, { 30, 31 } }, [0, 1, 2]);
        var both = a.Beside(b).Rows([2, 0]);
        Assert.Equal(3, both.Width);
        Assert.Equal([3f, 30f, 31f, 1f, 10f, 11f], both.Values);
        Assert.Equal([2, 0], both.Labels!);
    }
}
