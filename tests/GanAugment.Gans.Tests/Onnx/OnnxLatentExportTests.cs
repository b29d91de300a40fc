using GanAugment.Gans.Models;
using GanAugment.Gans.Tests.Latent;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Onnx;

/// <summary>InfoGAN, AAE, BiGAN (on images and on table rows) and DAGAN exported to ONNX and run in ONNX Runtime.</summary>
public class OnnxLatentExportTests
{
    private static readonly TrainerOptions Quick = new() { Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 2, Seed = 13, SampleEvery = 0 };

    public static TheoryData<string, bool, string[]> LatentModels => new()
    {
        { "infogan", false, ["width=4", "dense-width=16", "q-width=8", "latent-dim=6"] },
        { "infogan", true, ["table-width=16", "latent-dim=4", "categories=3", "continuous=1"] },
        { "aae", false, ["width=16"] },
        { "aae", false, ["width=16", "supervised=true", "prior=mixture"] },
        { "aae", true, ["width=16"] },
        { "bigan", false, ["width=16", "latent-dim=6"] },
        { "bigan", true, ["width=16", "latent-dim=6"] },
    };

    [Theory]
    [MemberData(nameof(LatentModels))]
    public void GeneratorRunsTheSameInOnnxRuntime(string name, bool table, string[] overrides)
    {
        TrainingData data = table ? LatentToys.Table() : new ImageData(TestData.Digits(2));
        var model = LatentToys.Build(name, data.Spec, 3, overrides);
        LatentToys.Train(model, data, Quick);
        OnnxRoundTrip.AssertSame(model, count: 5, new Rng(6));
    }

    [Fact]
    public void DaganGeneratorRunsTheSameInOnnxRuntime()
    {
        var data = new ImagePairData(TestData.Digits(2));
        var options = new DaganOptions { Width = 4, Layers = 2, NoiseMaps = 4, CriticBlocks = 2, CriticLayers = 2, CriticGrowth = 4, CriticSteps = 1 };
        var model = Gans.Models.Dagan.Entry.Create(data.Spec, options, new Rng(3));
        LatentToys.Train(model, data, Quick);
        var source = Tensor.Rand(new Rng(8), [5, 1, 28, 28], -1f, 1f);
        OnnxRoundTrip.AssertSame(model, count: 5, new Rng(6), Condition.OfSource(source));
    }
}
