using GanAugment.Data.TimeSeries;
using GanAugment.Gans.Models;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Series;

/// <summary>RGAN/RCGAN through the one trainer: resume bit for bit, the condition audit, the penalty, a smoke run on Waves.</summary>
public class RcganTrainingTests
{
    private static readonly TrainerOptions Quick = new() { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 13 };

    public static TheoryData<string[]> Variants => new()
    {
        new[] { "critic-steps=2" },
        new[] { "critic-steps=2", "loss=wgan-gp" },
        new[] { "critic-steps=1", "conditional=false", "latent=fixed", "layers=2" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void InterruptedMidEpochAndResumedEqualsUninterrupted(string[] overrides)
    {
        var data = SeriesData.Waves(24, length: 12);
        using var dir = new TempDir();
        var straight = SeriesData.Model(data.Spec, 13, overrides);
        var straightLosses = new List<StepLosses>();
        new GanTrainer(straight, data, Quick, new RunDirectory(dir.File("a")), [new ZooSmokeTests.Collect(straightLosses)]).Run();

        var first = SeriesData.Model(data.Spec, 13, overrides);
        var run = new RunDirectory(dir.File("b"));
        var losses = new List<StepLosses>();
        using var cancel = new CancellationTokenSource();
        var outcome = new GanTrainer(first, data, Quick, run, [new ZooSmokeTests.Collect(losses), new CancelAt(4, cancel)]).Run(cancel: cancel.Token);
        Assert.True(outcome.Cancelled);
        var second = SeriesData.Model(data.Spec, 99, overrides);
        var position = RunDirectory.Restore(second, run.LastCheckpoint);
        Assert.Equal(new TrainingPosition(1, 1, 4), position);
        new GanTrainer(second, data, Quick, run, [new ZooSmokeTests.Collect(losses)]).Run(position);

        Assert.All(straightLosses.SelectMany(l => l.Values), p => Assert.True(float.IsFinite(p.Value), $"{p.Key} = {p.Value}"));
        Assert.Equal(straightLosses.SelectMany(l => l.Values), losses.SelectMany(l => l.Values));
        Weights.AssertSame(straight, second);
    }

    [Fact]
    public void TheGradientPenaltyGoesThroughTheLstmAndIsPositive()
    {
        var data = SeriesData.Waves(16, length: 8);
        var model = SeriesData.Model(data.Spec, 5, "loss=wgan-gp", "critic-steps=1");
        var losses = model.CriticStep(data.Batch([0, 1, 2, 3, 4, 5, 6, 7], model.Range, 0));
        var gp = losses.Values.Single(p => p.Key == "gp").Value;
        Assert.True(gp > 0 && float.IsFinite(gp), $"gp = {gp}");
        Assert.Equal(["d", "wasserstein", "gp"], losses.Values.Select(p => p.Key));
    }

    [Fact]
    public void TheCriticSeesEveryFakeWithTheLabelsItWasMadeFor()
    {
        var data = SeriesData.Waves(24, length: 6);
        var model = SeriesData.Model(data.Spec, 4, "critic-steps=1");
        using var audit = ConditionAudit.Start();
        new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 2, Seed = 4 }, null).Run();
        Assert.Equal(4, audit.Judgements.Count);
        Assert.All(audit.Judgements, j => Assert.Equal(j.Made, j.Judged));
    }

    [Fact]
    public void ASeededRunOnWavesBringsEachClasssSpreadToTheRealOne()
    {
        var data = SeriesData.Waves(256, length: 30);
        var model = SeriesData.Model(data.Spec, 11, "hidden=32", "critic-steps=1", "d-optimizer=adam", "beta1=0.5");
        var before = SpreadGap(model, data.Sequences);
        var losses = new List<StepLosses>();
        new GanTrainer(model, data, new TrainerOptions { Epochs = 24, BatchSize = 32, Seed = 11 }, null, [new ZooSmokeTests.Collect(losses)]).Run();
        var after = SpreadGap(model, data.Sequences);
        Assert.All(losses.SelectMany(l => l.Values), p => Assert.True(float.IsFinite(p.Value), $"{p.Key} = {p.Value}"));
        Assert.True(after < 0.5 * before, $"mean per-class |std(generated) - std(real)|: {before:F3} before, {after:F3} after 192 steps");
    }

    /// <summary>
    /// The mean over classes of |std of 256 generated series' values − std of the real series'
    /// values|, in the input's units. An untrained G is nearly flat (std ≈ 0.04 against the real
    /// 0.35); a GAN's spread oscillates as it trains, which the 0.5 factor of the test allows for.
    /// </summary>
    private static double SpreadGap(Rcgan model, SequenceDataset real)
    {
        var gaps = Enumerable.Range(0, real.ClassCount).Select(c =>
        {
            var labels = Enumerable.Repeat(c, 256).ToArray();
            var fake = SequenceData.Decode(model.Sequences, model.Sample(256, labels, new Rng(77)).AsSpan(), labels, model.Range);
            var realValues = Enumerable.Range(0, real.Count).Where(i => real.Labels![i] == c).SelectMany(i => real.Sequence(i).ToArray());
            return Math.Abs(Std(realValues) - Std(fake.Values));
        });
        return gaps.Average();
    }

    private static double Std(IEnumerable<float> values)
    {
        var v = values.Select(x => (double)x).ToList();
        var mean = v.Average();
        return Math.Sqrt(v.Average(x => (x - mean) * (x - mean)));
    }

    private sealed class CancelAt(int steps, CancellationTokenSource cancel) : ITrainingObserver
    {
        private int _seen;

        public void OnStep(StepReport report)
        {
            if (++_seen == steps) cancel.Cancel();
        }
    }
}
