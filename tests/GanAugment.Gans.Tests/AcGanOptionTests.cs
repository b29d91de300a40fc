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

        static float Loss(StepLosses step, string name) => step.Values.First(p => p.Key == name).Value;

        var seed = Run();
        var realOnly = Run("fake-class-loss=false");
        // The first D update on real images is the same; the fake-class term changes everything after it.
        Assert.Equal(Loss(seed[0], "d_real_class"), Loss(realOnly[0], "d_real_class"));
        Assert.Equal(Loss(seed[0], "d_fake_class"), Loss(realOnly[0], "d_fake_class"));
        Assert.NotEqual(Loss(seed[0], "g_class"), Loss(realOnly[0], "g_class"));
    }
}
