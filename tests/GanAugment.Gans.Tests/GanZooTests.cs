using GanAugment.Gans.Models;

namespace GanAugment.Gans.Tests;

public class GanZooTests
{
    [Fact]
    public void OverridesAcceptKebabAndPascalNames()
    {
        var o = (WganGpOptions)GanZoo.Options(GanZoo.Find("wgan-gp"), new Dictionary<string, string> { ["learning-rate"] = "3e-4", ["Lambda"] = "5", ["conditional"] = "true" });
        Assert.Equal(3e-4, o.LearningRate);
        Assert.Equal(5f, o.Lambda);
        Assert.True(o.Conditional);
        Assert.Equal(0.9, o.Beta2);
    }

    [Fact]
    public void PaperDefaults()
    {
        var gp = new WganGpOptions();
        Assert.Equal((1e-4, 0.5, 0.9, 10f, 5), (gp.LearningRate, gp.Beta1, gp.Beta2, gp.Lambda, gp.CriticSteps));
        var w = new WganOptions();
        Assert.Equal((5e-5, 0.01f, 5), (w.LearningRate, w.Clip, w.CriticSteps));
        var ac = new AcGanOptions();
        Assert.Equal((2e-4, 0.5, 100, 50, true), (ac.LearningRate, ac.Beta1, ac.LatentDim, ac.LabelEmbedding, ac.FakeClassLoss));
        Assert.False(((AcGanOptions)GanZoo.Options(GanZoo.Find("acgan"), new Dictionary<string, string> { ["fake-class-loss"] = "false" })).FakeClassLoss);
    }

    [Fact]
    public void UnknownModelAndBadOptionsAreNamed()
    {
        Assert.Contains("known models", Assert.Throws<ArgumentException>(() => GanZoo.Find("stylegan")).Message);
        Assert.Contains("no option 'lr2'", Assert.Throws<ArgumentException>(() => GanZoo.Options(GanZoo.Find("gan"), new Dictionary<string, string> { ["lr2"] = "1" })).Message);
        Assert.Contains("takes a whole number", Assert.Throws<ArgumentException>(() => GanZoo.Options(GanZoo.Find("gan"), new Dictionary<string, string> { ["latent-dim"] = "x" })).Message);
    }
}
