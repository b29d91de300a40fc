using System.Globalization;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Observers;

/// <summary>
/// Tracks, as the MLP seed shows, the mean and standard deviation of generated values against
/// those of the real data (both in the model's pixel range), every epoch: <c>stats.csv</c>. A
/// model that transforms a real item (DAGAN) generates from the sources of a fixed, evenly spaced
/// pick of the training items, a chunk at a time.
/// </summary>
public sealed class StatsObserver(RunDirectory run, TrainingData real, int samples = 1000) : ITrainingObserver
{
    private const ulong StatsSeed = 4242;
    private const int SourceChunk = 64;
    private (double Mean, double Std)? _real;

    public List<(int Epoch, double RealMean, double RealStd, double FakeMean, double FakeStd)> Rows { get; } = [];

    public void OnEpochEnd(GanModel model, EpochReport report)
    {
        if (!report.IsAdversarial) return;
        _real ??= RealStats(model);
        var fake = Moments(Generated(model));
        Rows.Add((report.Epoch + 1, _real.Value.Mean, _real.Value.Std, fake.Mean, fake.Std));
        var path = run.File("stats.csv");
        // NOTE: rows of this epoch and later are dropped: a run killed after writing them and before its checkpoint runs them again.
        var earlier = File.Exists(path) && report.Epoch > 0
            ? File.ReadLines(path).Skip(1).Where(l => int.TryParse(l.AsSpan(0, Math.Max(0, l.IndexOf(','))), CultureInfo.InvariantCulture, out var e) && e <= report.Epoch)
            : [];
        var existing = string.Concat(["epoch,real_mean,real_std,fake_mean,fake_std\n", .. earlier.Select(l => l + "\n")]);
        RunDirectory.WriteText(path, existing + string.Create(CultureInfo.InvariantCulture,
            $"{report.Epoch + 1},{_real.Value.Mean:F5},{_real.Value.Std:F5},{fake.Mean:F5},{fake.Std:F5}\n"));
    }

    private float[] Generated(GanModel model)
    {
        var rng = new Rng(StatsSeed);
        if (model.Conditioning != ConditionKind.Source) return model.Sample(samples, rng).ToArray();
        var count = Math.Min(samples, real.Count);
        var picks = Enumerable.Range(0, count).Select(i => (int)((long)i * real.Count / count)).ToArray();
        var sources = real.Batch(picks, model.Range, StatsSeed).Source
            ?? throw new InvalidOperationException($"model '{model.Name}' generates from source items, but the training data gives none");
        var values = new List<float>();
        for (var start = 0; start < count; start += SourceChunk)
        {
            var n = Math.Min(SourceChunk, count - start);
            values.AddRange(model.Sample(n, rng, Condition.OfSource(sources.Narrow(0, start, n))).ToArray());
        }
        return [.. values];
    }

    private (double Mean, double Std) RealStats(GanModel model)
    {
        var n = Math.Min(real.Count, 10000);
        var indices = Enumerable.Range(0, n).ToArray();
        return Moments(real.Batch(indices, model.Range, 0).X.AsSpan());
    }

    private static (double Mean, double Std) Moments(ReadOnlySpan<float> values)
    {
        double sum = 0, sq = 0;
        foreach (var v in values)
        {
            sum += v;
            sq += (double)v * v;
        }
        var mean = sum / values.Length;
        return (mean, Math.Sqrt(Math.Max(0, sq / values.Length - mean * mean)));
    }
}
