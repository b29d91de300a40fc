using GanAugment.Data.TimeSeries;
using GanAugment.NN;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Series;

/// <summary>An LSTM and a linear head applied at every step: [N, T, F] → [N, T, outputs].</summary>
internal sealed class SeriesLstm : Module<Tensor, Tensor>
{
    private readonly LSTM _lstm;
    private readonly Linear _head;

    public SeriesLstm(int features, int hidden, int outputs, Rng rng)
    {
        _lstm = new LSTM(features, hidden, rng);
        _head = new Linear(hidden, outputs, rng);
    }

    public override Tensor Forward(Tensor input) => _head.Call(_lstm.Call(input).Output);
}

/// <summary>
/// A 1-D convolutional classifier built from <see cref="Conv2d"/> over [N, F, 1, T]: two
/// convolutions of width 5 along time (zero padding keeps T) with ReLU, the maximum over time,
/// and a linear layer to the class logits. [N, T, F] → [N, classes].
/// </summary>
internal sealed class SeriesCnn : Module<Tensor, Tensor>
{
    private const int Width = 5;
    private readonly Conv2d _conv1;
    private readonly Conv2d _conv2;
    private readonly Linear _head;

    public SeriesCnn(int features, int channels, int classes, Rng rng)
    {
        _conv1 = new Conv2d(features, channels, (1, Width), rng, padding: (0, Width / 2));
        _conv2 = new Conv2d(channels, channels, (1, Width), rng, padding: (0, Width / 2));
        _head = new Linear(channels, classes, rng);
    }

    public override Tensor Forward(Tensor input)
    {
        var x = input.Permute(0, 2, 1).Unsqueeze(2);
        var h = _conv2.Call(_conv1.Call(x).Relu()).Relu();
        return _head.Call(h.Max(3).Reshape(input.Size(0), h.Size(1)));
    }
}

/// <summary>What the post-hoc networks share: the training loop over shuffled minibatches and the batching of series.</summary>
internal static class SeriesFit
{
    public const int EvalBatch = 500;

    /// <summary>
    /// Trains <paramref name="network"/> with Adam on <paramref name="count"/> items for the
    /// options' epochs: each epoch shuffles the items with <paramref name="rng"/> and takes
    /// whole batches (the last partial batch is dropped); <paramref name="loss"/> maps a batch's
    /// item indices to its loss. Leaves the network in eval mode.
    /// </summary>
    public static void Train(Module network, int count, SeriesNetworkOptions options, Rng rng, Func<int[], Tensor> loss, CancellationToken cancel)
    {
        options.Validate();
        if (count < 1) throw new ArgumentException("a post-hoc network needs at least one training series");
        var optimizer = new Adam(network.Parameters(), lr: options.LearningRate);
        var batch = Math.Min(options.BatchSize, count);
        var steps = count / batch;
        if (options.MaxStepsPerEpoch > 0) steps = Math.Min(steps, options.MaxStepsPerEpoch);
        network.Train();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = rng.Permutation(count);
            for (var step = 0; step < steps; step++)
            {
                cancel.ThrowIfCancellationRequested();
                var value = loss(order[(step * batch)..((step + 1) * batch)]);
                optimizer.ZeroGrad();
                value.Backward();
                optimizer.Step();
            }
        }

        network.Eval();
    }

    /// <summary>The series at <paramref name="indices"/> as [N, T, F].</summary>
    public static Tensor Batch(SequenceDataset data, ReadOnlySpan<int> indices)
    {
        var batch = Tensor.Zeros(indices.Length, data.Length, data.Features);
        var values = batch.AsSpan();
        for (var i = 0; i < indices.Length; i++) data.Sequence(indices[i]).CopyTo(values.Slice(i * data.SequenceSize, data.SequenceSize));
        return batch;
    }

    /// <summary>Runs <paramref name="each"/> on consecutive batches of at most <see cref="EvalBatch"/> series, without a graph.</summary>
    public static void InBatches(SequenceDataset data, Action<int, Tensor> each)
    {
        using (Autograd.NoGrad())
        {
            for (var start = 0; start < data.Count; start += EvalBatch)
            {
                var indices = Enumerable.Range(start, Math.Min(EvalBatch, data.Count - start)).ToArray();
                each(start, Batch(data, indices));
            }
        }
    }
}
