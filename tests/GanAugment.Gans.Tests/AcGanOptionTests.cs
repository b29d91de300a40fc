using GanAugment.Gans.Training;

namespace GanAugment.Gans.Tests;

public class AcGanOptionTests
{
    [Fact]
    public void WithoutTheFakeClassLossDLearnsDifferentlyFromTheSameStart()
    {
        var data = TestData.Digits(4);
        List<StepLosses> Run(params string[] overrides)
        {
            var losses = new List<StepLosses>();
            var model = ZooSmokeTests.Build("acgan", overrides, data, seed: 3);
            new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 3 }, null, [new ZooSmokeTests.Collect(losses)]).Run();
            return losses;
        }
        var seed = Run();
        var realOnly = Run("fake-class-loss=false");
        // The first D update on real images is the same; the fake-class term changes everything after it.
        Assert.Equal(seed[0].Values.First(p => p.Key == "d_real_class").Value, realOnly[0].Values.First(p => p.Key == "d_real_class").Value);
        Assert.Equal(seed[0].Values.First(p => p.Key == "d_fake_class").Value, realOnly[0].Values.First(p => p.Key == "d_fake_class").Value);
        Assert.NotEqual(seed[0].Values.First(p => p.Key == "g_class").Value, realOnly[0].Values.First(p => p.Key == "g_class").Value);
    }
}
