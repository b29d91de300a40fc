using System.Security.Cryptography;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests;

/// <summary>
/// Pins every image model's behaviour: the SHA-256 of its losses over a few seeded steps on the
/// bundled digits, of its weights afterwards and of a seeded sample. Refactoring the core must not
/// move a bit; a change that must (a bug fix) updates the hash and says so in its commit.
/// </summary>
public class BitPinTests
{
    public static TheoryData<string, string[], string> Pins => new()
    {
        { "gan", [], "2EC1CE29F26425F6" },
        { "dcgan", ["width=8"], "26D4D34BE3C14A72" },
        { "cgan", ["width=8"], "E2518DF85DE7FDD9" },
        { "acgan", [], "F636FFBBF8796CB7" },
        { "wgan", ["width=8", "critic-steps=2"], "E5B015C9DE3EE8A6" },
        { "wgan-gp", ["width=8", "critic-steps=2"], "DE0AD55855B07F37" },
        { "bagan", ["width=8", "dense-width=32", "encoder-width=4", "latent-dim=8", "autoencoder-epochs=1"], "5A8D68CE4D409C12" },
    };

    [Theory]
    [MemberData(nameof(Pins))]
    public void LossesWeightsAndSamplesMatchThePinnedHash(string name, string[] overrides, string expected)
    {
        var data = TestData.Digits(4);
        var model = ZooSmokeTests.Build(name, overrides, data, seed: 21);
        var losses = new List<StepLosses>();
        new GanTrainer(model, data, new TrainerOptions { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 21 }, null, [new ZooSmokeTests.Collect(losses)]).Run();
        Assert.Equal(expected, Hash(model, losses));
    }

    internal static string Hash(GanModel model, List<StepLosses> losses)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (key, value) in losses.SelectMany(l => l.Values))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(key));
            sha.AppendData(BitConverter.GetBytes(value));
        }
        foreach (var (_, module) in model.Networks())
            foreach (var (key, tensor) in module.StateDict())
            {
                sha.AppendData(System.Text.Encoding.UTF8.GetBytes(key));
                sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.ToArray().AsSpan()));
            }
        var labels = model.TakesLabels ? new[] { 0, 1, 2, 3, 4, 5 } : null;
        var sample = model.Sample(6, labels, new Rng(77));
        sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(sample.ToArray().AsSpan()));
        return Convert.ToHexString(sha.GetHashAndReset())[..16];
    }
}
