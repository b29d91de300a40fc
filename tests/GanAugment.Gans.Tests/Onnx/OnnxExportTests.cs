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
}

/// <summary>The check every export test makes.</summary>
internal static class OnnxRoundTrip
{
    public const float Tolerance = 1e-4f;

    /// <summary>Exports <paramref name="model"/>, draws inputs as Sample does, and compares ONNX Runtime's output with the native one.</summary>
    public static void AssertSame(GanModel model, int count, Rng rng, Condition? condition = null)
    {
        var bytes = GeneratorExporter.ToOnnx(model);
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
