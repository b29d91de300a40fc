using GanAugment.Data.Images;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests;

/// <summary>
/// Every image model builds from the data's size and channels: it trains on 28x28 grey, 32x32 RGB
/// (CIFAR-10, GTSRB) and 64x64 RGB, and rejects a size its architecture cannot take in one line.
/// </summary>
public class ImageSizeTests
{
    /// <summary>Small widths so that the 64x64 runs stay quick (acgan's widths are fixed by the seed).</summary>
    private static readonly Dictionary<string, string[]> Small = new()
    {
        ["gan"] = ["latent-dim=8"],
        ["dcgan"] = ["width=4", "latent-dim=8"],
        ["cgan"] = ["width=4", "latent-dim=8"],
        ["acgan"] = ["latent-dim=8", "label-embedding=4"],
        ["wgan"] = ["width=4", "latent-dim=8", "critic-steps=1"],
        ["wgan-gp"] = ["width=4", "latent-dim=8", "critic-steps=1", "conditional=true"],
        ["bagan"] = ["width=4", "dense-width=16", "encoder-width=2", "latent-dim=8", "kernel-size=3", "autoencoder-epochs=1"],
    };

    public static TheoryData<string, int, int> Sizes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var name in Small.Keys)
            foreach (var (channels, side) in new[] { (1, 28), (3, 32), (3, 64) })
                data.Add(name, channels, side);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void TrainsTwoStepsAndSamplesTheDataShape(string name, int channels, int side)
    {
        var data = RandomImages(channels, side, perClass: 4, classes: 3);
        var model = Build(name, data);
        var losses = new List<StepLosses>();
        new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 4, MaxStepsPerEpoch = 2, Seed = 3 }, null, [new ZooSmokeTests.Collect(losses)]).Run();
        Assert.NotEmpty(losses);
        Assert.All(losses.SelectMany(l => l.Values), p => Assert.True(float.IsFinite(p.Value), $"{name} {side}x{side}x{channels}: {p.Key} = {p.Value}"));
        var samples = model.Sample(2, model.TakesLabels ? [0, 2] : null, new Rng(5));
        Assert.Equal([2, channels, side, side], samples.ShapeArray);
        Assert.All(samples.ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Theory]
    [InlineData("dcgan", 30, 30, "30x30")]
    [InlineData("wgan-gp", 36, 36, "36x36")]
    [InlineData("dcgan", 32, 28, "32x28")]
    [InlineData("acgan", 30, 30, "30x30")]
    [InlineData("acgan", 32, 28, "32x28")]
    [InlineData("bagan", 36, 36, "36x36")]
    [InlineData("bagan", 32, 28, "32x28")]
    public void RejectsASizeTheArchitectureCannotTakeInOneLine(string name, int height, int width, string named)
    {
        var spec = new ImageSpec(1, height, width, ["a", "b"]);
        var descriptor = GanZoo.Find(name);
        var e = Assert.Throws<ArgumentException>(() => descriptor.Create(spec, Overrides(name), new Rng(1)));
        Assert.Contains(named, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    private static GanModel Build(string name, ImageDataset data)
    {
        var descriptor = GanZoo.Find(name);
        return descriptor.Create(TestData.Spec(data), Overrides(name), new Rng(1));
    }

    private static Dictionary<string, string> Overrides(string name) => Small[name].Select(o => o.Split('=')).ToDictionary(p => p[0], p => p[1]);

    /// <summary>Uniform random pixels, <paramref name="perClass"/> images of each class.</summary>
    private static ImageDataset RandomImages(int channels, int side, int perClass, int classes)
    {
        var rng = new Rng(9);
        var count = perClass * classes;
        var pixels = new byte[count * channels * side * side];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)rng.NextInt(256);
        var labels = Enumerable.Range(0, count).Select(i => i % classes).ToArray();
        return new ImageDataset(pixels, labels, channels, side, side, [.. Enumerable.Range(0, classes).Select(c => $"class{c}")]);
    }
}
