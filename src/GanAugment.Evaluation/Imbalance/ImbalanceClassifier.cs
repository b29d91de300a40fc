using GanAugment.Data.Writers;
using GanAugment.Data.Images;
using GanAugment.Data.Transforms;
using GanAugment.Gans.Training;
using GanAugment.NN;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Imbalance;

/// <summary>
/// The small CNN of the imbalance protocol: 3×3 convolutions of Width (stride 1), 2·Width
/// (stride 2), 2·Width (stride 1) and 4·Width (stride 2) channels, each followed by batch
/// normalisation and ReLU, then dense Hidden with ReLU and dense → classes. Trained with Adam on
/// the cross-entropy, the learning rate decaying along a cosine to 0
/// (<see cref="ClassifierOptions.LearningRateAt"/>), on images scaled to [-1, 1] and shifted by
/// up to <see cref="ClassifierOptions.MaxShift"/> pixels. The seed fixes the initialisation, the
/// batch order and the shifts.
/// </summary>
public sealed class ImbalanceClassifier
{
    private const int EvalBatch = 500;
    private readonly Sequential _network;

    private ImbalanceClassifier(Sequential network) => _network = network;

    /// <summary>Trains a fresh classifier on <paramref name="train"/>.</summary>
    public static ImbalanceClassifier Train(ImageDataset train, ClassifierOptions options, ulong seed, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var rng = new Rng(seed);
        var network = Build(train, options, rng);
        var optimizer = new Adam(network.Parameters(), lr: options.LearningRate);
        var batch = Math.Min(options.BatchSize, train.Count);
        var steps = train.Count / batch;
        if (options.MaxStepsPerEpoch > 0) steps = Math.Min(steps, options.MaxStepsPerEpoch);
        var total = steps * options.Epochs;
        var pool = new TensorPool();
        network.Train();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = rng.Permutation(train.Count);
            for (var step = 0; step < steps; step++)
            {
                cancel.ThrowIfCancellationRequested();
                var indices = order.AsSpan(step * batch, batch);
                var labels = new int[batch];
                for (var i = 0; i < batch; i++) labels[i] = train.Labels[indices[i]];
                optimizer.LearningRate = options.LearningRateAt(epoch * steps + step, total);
                using (pool.Scope())
                {
                    var loss = Losses.CrossEntropy(network.Call(Shifted(Pixels(train, indices), options.MaxShift, rng)), labels);
                    optimizer.ZeroGrad();
                    loss.Backward();
                    optimizer.Step();
                }
            }
        }
        network.Eval();
        return new ImbalanceClassifier(network);
    }

    /// <summary>The predicted class of every image of <paramref name="data"/>.</summary>
    public int[] Predict(ImageDataset data)
    {
        var predictions = new int[data.Count];
        using (Autograd.NoGrad())
        {
            for (var start = 0; start < data.Count; start += EvalBatch)
            {
                var indices = Enumerable.Range(start, Math.Min(EvalBatch, data.Count - start)).ToArray();
                var logits = _network.Call(Pixels(data, indices));
                var classes = logits.Size(1);
                var values = logits.AsSpan();
                for (var i = 0; i < indices.Length; i++)
                {
                    var row = values.Slice(i * classes, classes);
                    var best = 0;
                    for (var c = 1; c < classes; c++)
                        if (row[c] > row[best]) best = c;
                    predictions[start + i] = best;
                }
            }
        }
        return predictions;
    }

    private static Sequential Build(ImageDataset data, ClassifierOptions o, Rng rng)
    {
        static int Half(int side) => (side - 1) / 2 + 1;
        var features = 4 * o.Width * Half(Half(data.Height)) * Half(Half(data.Width));
        return new Sequential(
            new Conv2d(data.Channels, o.Width, 3, rng, padding: 1), new BatchNorm2d(o.Width), new ReLU(),
            new Conv2d(o.Width, 2 * o.Width, 3, rng, stride: 2, padding: 1), new BatchNorm2d(2 * o.Width), new ReLU(),
            new Conv2d(2 * o.Width, 2 * o.Width, 3, rng, padding: 1), new BatchNorm2d(2 * o.Width), new ReLU(),
            new Conv2d(2 * o.Width, 4 * o.Width, 3, rng, stride: 2, padding: 1), new BatchNorm2d(4 * o.Width), new ReLU(),
            new Flatten(),
            new Linear(features, o.Hidden, rng), new ReLU(),
            new Linear(o.Hidden, data.ClassCount, rng));
    }

    /// <summary>Each image of <paramref name="images"/> moved by its own (dx, dy) in [-max, max]², the background (-1) filled in.</summary>
    private static Tensor Shifted(Tensor images, int max, Rng rng)
    {
        if (max == 0) return images;
        var (n, c, h, w) = (images.Size(0), images.Size(1), images.Size(2), images.Size(3));
        var size = c * h * w;
        var shifted = Tensor.Zeros(n, c, h, w);
        var source = images.AsSpan();
        var destination = shifted.AsSpan();
        for (var i = 0; i < n; i++)
        {
            var (dx, dy) = (rng.NextInt(2 * max + 1) - max, rng.NextInt(2 * max + 1) - max);
            ImageTransforms.Shift(source.Slice(i * size, size), c, h, w, dx, dy, fill: -1f, destination.Slice(i * size, size));
        }
        return shifted;
    }

    /// <summary>The images at <paramref name="indices"/> as [N, C, H, W] in [-1, 1].</summary>
    private static Tensor Pixels(ImageDataset data, ReadOnlySpan<int> indices)
    {
        var batch = Tensor.Zeros(indices.Length, data.Channels, data.Height, data.Width);
        PixelConvert.ToFloats(data, indices, PixelRange.MinusOneToOne, batch.AsSpan());
        return batch;
    }
}
