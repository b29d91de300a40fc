using GanAugment.Gans.Training;

namespace GanAugment.Gans.Tests;

/// <summary>
/// Every conditional model's critic sees each generated batch with the labels it was made for
/// (as input planes or class targets). The conditional WGAN-GP once made its fakes for random
/// labels and scored them with the real batch's labels; this test fails on that code. Models of
/// other modalities check this in their own tests (Series/RcganTrainingTests).
/// </summary>
public class ConditionLabelTests
{
    public static TheoryData<string, string[]> Conditional => new()
    {
        { "cgan", ["width=8"] },
        { "acgan", [] },
        { "wgan", ["width=8", "critic-steps=1", "conditional=true"] },
        { "wgan-gp", ["width=8", "critic-steps=1", "conditional=true"] },
        { "bagan", ["width=8", "dense-width=32", "encoder-width=4", "latent-dim=8", "autoencoder-epochs=1"] },
    };

    [Fact]
    public void EveryModelThatTakesLabelsIsChecked()
    {
        var data = TestData.Digits(2);
        var checkedNames = Conditional.Select(row => (string)row[0]).ToHashSet();
        // NOTE: table and series models are audited on their own data (Tables/TableWganGpTests, Series/).
        foreach (var entry in GanZoo.Models.Where(m => m.Modalities.Contains(Modality.Images)))
        {
            var model = entry.Create(TestData.Spec(data), entry.Name is "wgan" or "wgan-gp" ? [new("conditional", "true")] : [], new Tensors.Rng(1));
            if (model.TakesLabels) Assert.Contains(entry.Name, checkedNames);
        }
    }

    [Theory]
    [MemberData(nameof(Conditional))]
    public void TheCriticSeesEveryFakeWithTheLabelsItWasMadeFor(string name, string[] overrides)
    {
        var data = TestData.Digits(6);
        var model = ZooSmokeTests.Build(name, overrides, data, seed: 4);
        using var audit = ConditionAudit.Start();
        new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 16, MaxStepsPerEpoch = 2, Seed = 4 }, null).Run();
        Assert.NotEmpty(audit.Judgements);
        Assert.All(audit.Judgements, j => Assert.Equal(j.Made, j.Judged));
    }
}
