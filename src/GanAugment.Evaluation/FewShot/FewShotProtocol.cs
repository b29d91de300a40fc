using GanAugment.Data.FewShot;
using GanAugment.Data.Images;
using GanAugment.Data.Writers;
using GanAugment.NN;
using GanAugment.Tensors;

using GanAugment.Evaluation.Sharding;

namespace GanAugment.Evaluation.FewShot;

/// <summary>The accuracy of one arm in one run of one shot count.</summary>
public sealed record FewShotScore(int Shots, int Run, string Arm, double Accuracy, int Steps, int Query);

/// <summary>
/// Runs the few-shot protocol of <see cref="FewShotOptions"/> on the held-out classes of a
/// <see cref="FewShotSplit"/>: per shot count and run, every arm trains the same classifier from
/// the same initial weights with the same batches for the same number of steps; only the
/// augmented batches differ.
/// </summary>
public static class FewShotProtocol
{
    private const int EvalChunk = 256;

    /// <summary>
    /// Every arm on every episode, or with <paramref name="shard"/> on that shard's episodes alone
    /// (units: the runs of each shot count, shot count by shot count).
    /// </summary>
    public static IReadOnlyList<FewShotScore> Run(FewShotSplit split, IReadOnlyList<FewShotArm> arms, FewShotOptions options, Action<FewShotScore>? progress = null, Shard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(split);
        options.Validate();
        var scores = new List<FewShotScore>();
        var units = options.Shots.SelectMany(k => Enumerable.Range(0, options.Runs).Select(run => (Shots: k, Run: run))).ToList();
        foreach (var (k, run) in (shard ?? Shard.Whole).Take(units))
        {
            var episode = split.Episode(run, k, options.QueryPerClass);
            foreach (var arm in arms)
            {
                var score = Train(episode, split.HeldOutClasses, arm, options);
                scores.Add(score);
                progress?.Invoke(score);
            }
        }
        return scores;
    }

    /// <summary>Trains one classifier of <paramref name="arm"/> on the episode's support and scores it on its query.</summary>
    public static FewShotScore Train(FewShotEpisode episode, IReadOnlyList<int> classes, FewShotArm arm, FewShotOptions options)
    {
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var support = episode.Support;
        // NOTE: weights and batch order come from streams shared by the arms, so the arms differ only in their augmented batches.
        var network = new FewShotClassifierNetwork(support.Channels, classes.Count, options.Classifier, Rng.ForStream((long)options.Seed, episode.Shots, episode.Run, 1));
        var batches = Rng.ForStream((long)options.Seed, episode.Shots, episode.Run, 2);
        var augmentRng = Rng.ForStream((long)options.Seed, episode.Shots, episode.Run, 3);
        var optimizer = new NN.Optim.Adam(network.Parameters(), lr: options.LearningRate);
        var batch = Math.Min(options.BatchSize, support.Count);
        var perEpoch = (support.Count + batch - 1) / batch;
        var steps = options.Epochs * perEpoch;
        network.Train();
        for (var step = 0; step < steps; step++)
        {
            var picks = new int[batch];
            for (var i = 0; i < batch; i++) picks[i] = batches.NextInt(support.Count);
            var x = Images(support, picks, PixelRange.MinusOneToOne);
            var augmented = arm.Transform is not null && step % options.AugmentEvery == options.AugmentEvery - 1;
            if (augmented)
                using (Autograd.NoGrad()) x = arm.Transform!(x, augmentRng).Detach();
            var labels = picks.Select(p => index[support.Labels[p]]).ToArray();
            var loss = Losses.CrossEntropy(network.Call(x, Tensor.Full(augmented ? 1f : 0f, batch, 1)), labels);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }
        return new FewShotScore(episode.Shots, episode.Run, arm.Name, Accuracy(network, episode.Query, index), steps, episode.Query.Count);
    }

    private static double Accuracy(FewShotClassifierNetwork network, ImageDataset query, Dictionary<int, int> index)
    {
        network.Eval();
        var correct = 0;
        using (Autograd.NoGrad())
            for (var start = 0; start < query.Count; start += EvalChunk)
            {
                var n = Math.Min(EvalChunk, query.Count - start);
                var picks = Enumerable.Range(start, n).ToArray();
                var logits = network.Call(Images(query, picks, PixelRange.MinusOneToOne), Tensor.Zeros(n, 1)).ToArray();
                var classes = logits.Length / n;
                for (var i = 0; i < n; i++)
                {
                    var row = logits.AsSpan(i * classes, classes);
                    if (System.Numerics.Tensors.TensorPrimitives.IndexOfMax(row) == index[query.Labels[start + i]]) correct++;
                }
            }
        return (double)correct / query.Count;
    }

    /// <summary>The images at <paramref name="indices"/> as [N, C, H, W] in <paramref name="range"/>.</summary>
    private static Tensor Images(ImageDataset data, int[] indices, PixelRange range)
    {
        var batch = Tensor.Zeros(indices.Length, data.Channels, data.Height, data.Width);
        PixelConvert.ToFloats(data, indices, range, batch.AsSpan());
        return batch;
    }
}
