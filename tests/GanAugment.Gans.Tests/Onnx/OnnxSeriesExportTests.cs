using GanAugment.Gans.Tests.Series;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Onnx;

/// <summary>RCGAN and RGAN exported to ONNX: the LSTM generator (gates reordered for ONNX) run in ONNX Runtime.</summary>
public class OnnxSeriesExportTests
{
    public static TheoryData<string[]> Variants => new()
    {
        new[] { "critic-steps=1" },
        new[] { "critic-steps=1", "conditional=false", "latent=fixed", "layers=2" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void LstmGeneratorRunsTheSameInOnnxRuntime(string[] overrides)
    {
        var data = SeriesData.Waves(16, length: 12);
        var model = SeriesData.Model(data.Spec, 5, overrides);
        new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 2, Seed = 5 }, null).Run();
        OnnxRoundTrip.AssertSame(model, count: 4, new Rng(2));
    }

    [Theory]
    [InlineData("conditional=true")]
    [InlineData("conditional=false")]
    public void StaticAttributesAreAnInputOfTheGraph(string conditional)
    {
        var data = SeriesData.Attributed(length: 6, features: 2);
        var model = SeriesData.Model(data.Spec, 5, "critic-steps=1", conditional);
        new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 3, MaxStepsPerEpoch = 2, Seed = 5 }, null).Run();
        Assert.Contains(model.OnnxGenerator()!.Inputs, i => i.Name == "attributes");
        OnnxRoundTrip.AssertSame(model, count: 4, new Rng(2));
    }
}
