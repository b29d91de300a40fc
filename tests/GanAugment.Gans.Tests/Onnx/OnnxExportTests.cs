using GanAugment.Gans.Export;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Onnx;

/// <summary>
/// Each image model of the zoo, trained a few steps on a slice of mnist-small, exported to ONNX
/// and run in ONNX Runtime: the samples equal GanAugment's own for the same inputs (max |diff| ≤ 1e-4).
/// </summary>
public class OnnxExportTests
{
    public static TheoryData<string, string[]> ImageModels => new()
    {
        { "gan", [] },
        { "dcgan", ["width=8"] },
        { "cgan", ["width=8"] },
        { "wgan", ["width=8", "critic-steps=2"] },
        { "acgan", [] },
        { "wgan-gp", ["width=8", "critic-steps=2", "conditional=true"] },
        { "bagan", ["width=8", "dense-width=32", "encoder-width=4", "latent-dim=8", "autoencoder-epochs=1"] },
    };

    [Theory]
    [MemberData(nameof(ImageModels))]
    public void ImageGeneratorRunsTheSameInOnnxRuntime(string name, string[] overrides)
    {
        var data = TestData.Digits(4);
        var model = ZooSmokeTests.Build(name, overrides, data, seed: 3);
        new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 2, Seed = 3 }, null).Run();
        OnnxRoundTrip.AssertSame(model, count: 5, new Rng(11));
    }

    [Fact]
    public void OneExportServesAnyBatchSize()
    {
        var data = TestData.Digits(2);
        var model = ZooSmokeTests.Build("cgan", ["width=8"], data, seed: 3);
        new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 2, Seed = 3 }, null).Run();
        var bytes = GeneratorExporter.ToOnnx(model);
        foreach (var count in new[] { 1, 9 }) OnnxRoundTrip.AssertSame(bytes, model, count, new Rng((ulong)count));
    }

    [Fact]
    public void MetadataSaysWhatTheModelIsAndHowToDrawItsInputs()
    {
        var model = ZooSmokeTests.Build("bigan", ["width=16", "latent-dim=6"], TestData.Digits(1), seed: 1);
        var metadata = OnnxRuntimeRunner.Metadata(GeneratorExporter.ToOnnx(model));
        Assert.Equal("bigan", metadata["model"]);
        Assert.Equal("images", metadata["modality"]);
        Assert.Equal("[1,28,28]", metadata["item_shape"]);
        Assert.Equal("{\"noise\":\"noise, each value drawn from U(-1, 1)\"}", metadata["inputs"]);
        Assert.Contains("\"modality\":\"images\"", metadata["data"]);
    }

    [Fact]
    public void ALayerWithoutAMappingIsRefusedByName()
    {
        var net = new NN.Sequential(new NN.Linear(2, 2, new Rng(1)), new Doubling());
        var exporter = new NN.Onnx.OnnxModuleExporter(new NN.Onnx.OnnxGraph("g"), "generator", net);
        var e = Assert.Throws<NotSupportedException>(() => exporter.Apply(net, "x"));
        Assert.Equal("ONNX export has no mapping for Doubling (generator.1)", e.Message);
    }

    private sealed class Doubling : NN.Module<Tensor, Tensor>
    {
        public override Tensor Forward(Tensor input) => input * 2f;
    }
}

/// <summary>The check every export test makes.</summary>
internal static class OnnxRoundTrip
{
    public const float Tolerance = 1e-4f;

    /// <summary>Exports <paramref name="model"/>, draws inputs as Sample does, and compares ONNX Runtime's output with the native one.</summary>
    public static void AssertSame(GanModel model, int count, Rng rng, Condition? condition = null) =>
        AssertSame(GeneratorExporter.ToOnnx(model), model, count, rng, condition);

    /// <summary>The check on an exported model <paramref name="bytes"/>, for <paramref name="count"/> samples.</summary>
    public static void AssertSame(byte[] bytes, GanModel model, int count, Rng rng, Condition? condition = null)
    {
        var (noise, drawn) = model.DrawInputs(count, rng, condition);
        var native = model.SampleFrom(noise, drawn);
        var (values, shape) = OnnxRuntimeRunner.Run(bytes, model.OnnxGenerator()!.Feed(noise, drawn));
        Assert.Equal(native.ShapeArray, shape);
        var expected = native.ToArray();
        var worst = 0f;
        for (var i = 0; i < expected.Length; i++) worst = Math.Max(worst, Math.Abs(expected[i] - values[i]));
        Assert.True(worst <= Tolerance, $"{model.Name}: max |native - onnx| = {worst}");
        Assert.Contains(expected, v => v != expected[0]);
    }
}
