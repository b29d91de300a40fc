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
}
