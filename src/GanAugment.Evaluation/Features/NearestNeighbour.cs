using GanAugment.Tensors;

namespace GanAugment.Evaluation.Features;

/// <summary>
/// The 1-nearest-neighbour classifier in Euclidean distance: each test row takes the label of the
/// closest training row (the lowest index on a tie). Distances come from
/// ‖a − b‖² = ‖a‖² − 2·a·b + ‖b‖², with a·b as one matrix product per chunk of test rows.
/// </summary>
public static class NearestNeighbour
{
    /// <summary>The fraction of <paramref name="test"/> rows whose nearest <paramref name="train"/> row has their label.</summary>
    public static double Accuracy(FeatureSet train, FeatureSet test, int chunk = 256)
    {
        var predicted = Predict(train, test, chunk);
        var truth = test.RequireLabels();
        return predicted.Where((p, i) => p == truth[i]).Count() / (double)test.Count;
    }

    public static int[] Predict(FeatureSet train, FeatureSet test, int chunk = 256)
    {
        if (train.Width != test.Width) throw new ArgumentException($"training rows have {train.Width} features, test rows {test.Width}");
        var labels = train.RequireLabels();
        var trainT = Tensor.Wrap(train.Values, train.Count, train.Width);
        var trainNorms = RowNorms(train.Values, train.Count, train.Width);
        var predicted = new int[test.Count];
        using (Autograd.NoGrad())
            for (var start = 0; start < test.Count; start += chunk)
            {
                var n = Math.Min(chunk, test.Count - start);
                var rows = Tensor.Wrap(test.Values.AsSpan(start * test.Width, n * test.Width).ToArray(), n, test.Width);
                var dots = rows.MatMul(trainT, transB: true).AsSpan();
                for (var i = 0; i < n; i++)
                {
                    var (best, bestDistance) = (0, double.PositiveInfinity);
                    for (var j = 0; j < train.Count; j++)
                    {
                        // NOTE: ‖a‖² is the same for every j, so it is left out of the comparison.
                        var d = trainNorms[j] - 2.0 * dots[i * train.Count + j];
                        if (d < bestDistance) (best, bestDistance) = (j, d);
                    }
                    predicted[start + i] = labels[best];
                }
            }
        return predicted;
    }

    private static double[] RowNorms(float[] values, int count, int width)
    {
        var norms = new double[count];
        for (var i = 0; i < count; i++)
        {
            double s = 0;
            foreach (var v in values.AsSpan(i * width, width)) s += (double)v * v;
            norms[i] = s;
        }
        return norms;
    }
}
