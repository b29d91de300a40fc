using GanAugment.Data.TimeSeries;
using GanAugment.NN;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Series;

/// <summary>
/// TimeGAN's post-hoc one-step-ahead predictor (Yoon, Jarrett and van der Schaar 2019,
/// https://papers.nips.cc/paper/8789-time-series-generative-adversarial-networks): an LSTM
/// reads steps 0..T−2 and a linear layer predicts every feature of the next step, trained with
/// Adam on the mean absolute error. NOTE: TimeGAN predicts the last feature from the others,
/// which leaves nothing to read for a single feature; here all features of step t+1 are
/// predicted from all features up to t, so it works for any feature count.
/// </summary>
public sealed class NextStepPredictor
{
    private readonly SeriesLstm _network;

    private NextStepPredictor(SeriesLstm network) => _network = network;

    /// <summary>Trains a fresh predictor on the series of <paramref name="train"/> (at least two steps each).</summary>
    public static NextStepPredictor Train(SequenceDataset train, SeriesNetworkOptions options, ulong seed, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (train.Length < 2) throw new ArgumentException($"next-step prediction needs series of at least two steps, got {train.Length}");
        var rng = new Rng(seed);
        var network = new SeriesLstm(train.Features, options.Width, train.Features, rng);
        SeriesFit.Train(network, train.Count, options, rng, indices =>
        {
            var (inputs, targets) = Shifted(SeriesFit.Batch(train, indices));
            return Losses.L1Loss(network.Call(inputs), targets);
        }, cancel);
        return new NextStepPredictor(network);
    }

    /// <summary>|prediction − x_{t+1}| averaged over the steps 1..T−1, features and series of <paramref name="test"/>.</summary>
    public double MeanAbsoluteError(SequenceDataset test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (test.Count == 0 || test.Length < 2) throw new ArgumentException("the mean absolute error needs series of at least two steps");
        var sum = 0.0;
        SeriesFit.InBatches(test, (_, batch) =>
        {
            var (inputs, targets) = Shifted(batch);
            sum += Losses.L1Loss(_network.Call(inputs), targets, Reduction.Sum).Item();
        });
        return sum / ((double)test.Count * (test.Length - 1) * test.Features);
    }

    /// <summary>Steps 0..T−2 as inputs and 1..T−1 as targets.</summary>
    private static (Tensor Inputs, Tensor Targets) Shifted(Tensor batch)
    {
        var steps = batch.Size(1) - 1;
        return (batch.Narrow(1, 0, steps), batch.Narrow(1, 1, steps));
    }
}
