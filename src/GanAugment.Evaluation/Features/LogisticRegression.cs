using GanAugment.NN;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Features;

/// <summary>Settings of <see cref="LogisticRegression"/>.</summary>
public sealed record LogisticRegressionOptions
{
    public int Epochs { get; init; } = 20;

    /// <summary>Fewest Adam steps: a small table gets more epochs so that the weights can move from 0.</summary>
    public int MinSteps { get; init; } = 3000;
    public int BatchSize { get; init; } = 128;
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>L2 penalty on the weights (Adam's coupled weight decay).</summary>
    public double WeightDecay { get; init; } = 1e-4;

    public ulong Seed { get; init; } = 1;
}

/// <summary>
/// Multinomial logistic regression, softmax(W·x + b), on features standardised with the training
/// rows' mean and standard deviation (a constant feature is left centred), fitted by Adam on the
/// cross-entropy in shuffled mini-batches, for the given epochs and at least <see cref="LogisticRegressionOptions.MinSteps"/> steps.
/// </summary>
public static class LogisticRegression
{
    /// <summary>The test accuracy of a model fitted on <paramref name="train"/>.</summary>
    public static double Accuracy(FeatureSet train, FeatureSet test, LogisticRegressionOptions? options = null)
    {
        var predicted = FitAndPredict(train, test, options ?? new());
        var truth = test.RequireLabels();
        return predicted.Where((p, i) => p == truth[i]).Count() / (double)test.Count;
    }

    public static int[] FitAndPredict(FeatureSet train, FeatureSet test, LogisticRegressionOptions options)
    {
        if (train.Width != test.Width) throw new ArgumentException($"training rows have {train.Width} features, test rows {test.Width}");
        var labels = train.RequireLabels();
        var classes = Math.Max(train.ClassNames.Count, labels.Max() + 1);
        var (mean, scale) = Standardisation(train);
        var x = Standardise(train, mean, scale);
        var rng = new Rng(options.Seed);
        var weight = new Parameter(Tensor.Zeros(train.Width, classes));
        var bias = new Parameter(Tensor.Zeros(1, classes));
        var adam = new Adam([weight, bias], lr: options.LearningRate, weightDecay: options.WeightDecay);
        var stepsPerEpoch = (train.Count + options.BatchSize - 1) / options.BatchSize;
        var epochs = Math.Max(options.Epochs, (options.MinSteps + stepsPerEpoch - 1) / stepsPerEpoch);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var order = rng.Permutation(train.Count);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var rows = order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)).ToArray();
                var batch = x.IndexSelect(0, rows);
                var loss = Losses.CrossEntropy(batch.MatMul(weight) + bias, [.. rows.Select(r => labels[r])]);
                adam.ZeroGrad();
                Autograd.Backward(loss, adam.Parameters);
                adam.Step();
            }
        }
        using (Autograd.NoGrad())
        {
            var logits = (Standardise(test, mean, scale).MatMul(weight) + bias).AsSpan();
            var predicted = new int[test.Count];
            for (var i = 0; i < test.Count; i++)
            {
                var row = logits.Slice(i * classes, classes);
                predicted[i] = row.IndexOf(System.Numerics.Tensors.TensorPrimitives.Max(row));
            }
            return predicted;
        }
    }

    private static (float[] Mean, float[] Scale) Standardisation(FeatureSet train)
    {
        var (mean, scale) = (new float[train.Width], new float[train.Width]);
        for (var k = 0; k < train.Width; k++)
        {
            double s = 0, ss = 0;
            for (var i = 0; i < train.Count; i++)
            {
                double v = train.Values[i * train.Width + k];
                s += v;
                ss += v * v;
            }
            var m = s / train.Count;
            var sd = Math.Sqrt(Math.Max(0, ss / train.Count - m * m));
            mean[k] = (float)m;
            scale[k] = sd > 1e-6 ? (float)(1 / sd) : 1f;
        }
        return (mean, scale);
    }

    private static Tensor Standardise(FeatureSet set, float[] mean, float[] scale)
    {
        var values = new float[set.Values.Length];
        for (var i = 0; i < set.Count; i++)
            for (var k = 0; k < set.Width; k++)
                values[i * set.Width + k] = (set.Values[i * set.Width + k] - mean[k]) * scale[k];
        return Tensor.Wrap(values, set.Count, set.Width);
    }
}
