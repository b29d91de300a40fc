using GanAugment.Gans.Models;
using GanAugment.Gans.Options;

namespace GanAugment.Gans.Tests;

public class GanZooTests
{
    [Fact]
    public void OptionsAreSetByTheirDeclaredNames()
    {
        var o = WganGp.Entry.Schema.Apply(WganGp.Entry.Defaults, new Dictionary<string, string> { ["learning-rate"] = "3e-4", ["lambda"] = "5", ["conditional"] = "true" });
        Assert.Equal(3e-4, o.Adam.LearningRate);
        Assert.Equal(5f, o.Lambda);
        Assert.True(o.Net.Conditional);
        Assert.Equal(0.9, o.Adam.Beta2);
    }

    [Fact]
    public void PaperDefaults()
    {
        var gp = new WganGpOptions();
        Assert.Equal((1e-4, 0.5, 0.9, 10f, 5), (gp.Adam.LearningRate, gp.Adam.Beta1, gp.Adam.Beta2, gp.Lambda, gp.CriticSteps));
        var w = new WganOptions();
        Assert.Equal((5e-5, 0.01f, 5), (w.LearningRate, w.Clip, w.CriticSteps));
        var ac = new AcGanOptions();
        Assert.Equal((2e-4, 0.5, 100, 50, true), (ac.Adam.LearningRate, ac.Adam.Beta1, ac.LatentDim, ac.LabelEmbedding, ac.FakeClassLoss));
        Assert.False(AcGan.Entry.Schema.Set(AcGan.Entry.Defaults, "fake-class-loss", "false").FakeClassLoss);
        Assert.True(((DcganOptions)Dcgan.ConditionalEntry.Defaults).Net.Conditional);
    }

    [Fact]
    public void UnknownModelAndBadOptionsAreNamed()
    {
        Assert.Contains("known models", Assert.Throws<ArgumentException>(() => GanZoo.Find("stylegan")).Message);
        var spec = new ImageSpec(1, 28, 28, ["a", "b"]);
        Assert.Contains("model 'gan' has no option 'lr2'", Assert.Throws<OptionException>(() => GanZoo.Create("gan", spec, [new("lr2", "1")], new Tensors.Rng(1))).Message);
        Assert.Contains("option 'latent-dim' takes a whole number", Assert.Throws<OptionException>(() => GanZoo.Create("gan", spec, [new("latent-dim", "x")], new Tensors.Rng(1))).Message);
        Assert.Contains("option 'latent-dim' takes a whole number of at least 1", Assert.Throws<OptionException>(() => GanZoo.Create("gan", spec, [new("latent-dim", "0")], new Tensors.Rng(1))).Message);
    }

    [Fact]
    public void OptionValuesRoundTripThroughTheirText()
    {
        foreach (var entry in GanZoo.Models)
        {
            DataSpec spec = entry.Modalities[0] switch
            {
                Modality.Sequences => Series.SeriesData.Waves(8).Spec,
                Modality.ImagePairs => new ImagePairSpec(new ImageSpec(1, 28, 28, ["a", "b", "c"])),
                Modality.Table => new TableData(Modalities.ModalityTests.MixedTable(), "label").Spec,
                _ => new ImageSpec(1, 28, 28, ["a", "b", "c"]),
            };
            var model = entry.Create(spec, [], new Tensors.Rng(1));
            var values = entry.Values(model);
            Assert.Equal(entry.Options.Select(o => o.Name), values.Select(v => v.Key));
            Assert.Equal(values, entry.Values(entry.Create(model.Spec, values, new Tensors.Rng(2))));
        }
    }

    [Fact]
    public void EveryOptionHasADescriptionAndEveryModelAModality()
    {
        foreach (var entry in GanZoo.Models)
        {
            Assert.NotEmpty(entry.Modalities);
            Assert.All(entry.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Description), $"{entry.Name}: {o.Name}"));
        }
    }
}
