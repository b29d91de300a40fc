using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests;

public class ZooSmokeTests
{
    public static TheoryData<string, string[]> Models => new()
    {
        { "gan", [] },
        { "dcgan", ["width=8"] },
        { "cgan", ["width=8"] },
        { "acgan", [] },
        { "wgan", ["width=8", "critic-steps=2"] },
        { "wgan-gp", ["width=8", "critic-steps=2", "conditional=true"] },
        { "bagan", ["width=8", "dense-width=32", "encoder-width=4", "latent-dim=8", "autoencoder-epochs=1"] },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void TrainsAFewStepsWithFiniteLossesAndRightShapes(string name, string[] overrides)
    {
        var data = TestData.Digits(8);
        var model = Build(name, overrides, data, seed: 1);
        var losses = new List<StepLosses>();
        var outcome = new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 16, MaxStepsPerEpoch = 4, Seed = 1 }, null, [new Collect(losses)]).Run();
        Assert.False(outcome.Cancelled);
        Assert.NotEmpty(losses);
        Assert.All(losses.SelectMany(l => l.Values), p => Assert.True(float.IsFinite(p.Value), $"{name}: {p.Key} = {p.Value}"));
        var labels = model.TakesLabels ? new[] { 0, 3, 9 } : null;
        var samples = model.Sample(3, labels, new Rng(5));
        Assert.Equal([3, 1, 28, 28], samples.ShapeArray);
        var (low, high) = model.Range == Data.Writers.PixelRange.ZeroToOne ? (0f, 1f) : (-1f, 1f);
        Assert.All(samples.ToArray(), v => Assert.InRange(v, low, high));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void SameSeedGivesIdenticalLosses(string name, string[] overrides)
    {
        var data = TestData.Digits(4);
        float[] Run()
        {
            var losses = new List<StepLosses>();
            var model = Build(name, overrides, data, seed: 7);
            new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 7 }, null, [new Collect(losses)]).Run();
            return losses.SelectMany(l => l.Values.Select(p => p.Value)).ToArray();
        }
        Assert.Equal(Run(), Run());
    }

    internal static GanModel Build(string name, string[] overrides, Data.Images.ImageDataset data, ulong seed)
    {
        var options = overrides.Select(o => o.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
        return GanZoo.Create(name, TestData.Spec(data), options, new Rng(seed));
    }

    internal sealed class Collect(List<StepLosses> into) : ITrainingObserver
    {
        public void OnStep(StepReport report)
        {
            if (report.IsAdversarial) into.Add(report.Losses);
        }
    }
}
