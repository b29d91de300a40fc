using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests;

public class ReferenceStepTests
{
    [Theory]
    [InlineData("gan")]
    [InlineData("acgan")]
    public void TheBenchmarkedStepIsTheTrainersStep(string name)
    {
        var data = TestData.Digits(20);
        var bench = name == "gan" ? ReferenceStep.MlpGan(data, seed: 5) : ReferenceStep.AcGan(data, seed: 5);
        var benchLosses = Enumerable.Range(0, 3).SelectMany(_ => bench.Next().Values).ToArray();

        // The same network built the same way, trained by GanTrainer with the same seed.
        var model = GanZoo.Create(name, TestData.Spec(data), [], new Rng(5));
        var trainerLosses = new List<StepLosses>();
        new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 64, MaxStepsPerEpoch = 3, Seed = 5 }, null, [new ZooSmokeTests.Collect(trainerLosses)]).Run();

        Assert.Equal(trainerLosses.SelectMany(l => l.Values).ToArray(), benchLosses);
        Weights.AssertSame(model, bench.Model);
    }
}
