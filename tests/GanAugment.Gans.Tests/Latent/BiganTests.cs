using GanAugment.Gans.Models;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Latent;

public class BiganTests
{
    private static readonly string[] Small = ["width=16", "latent-dim=6"];

    [Fact]
    public void EncoderAndGeneratorShapesAgree()
    {
        var data = TestData.Digits(2);
        var bigan = (Bigan)LatentToys.Build("bigan", TestData.Spec(data), 1, Small);
        var x = new ImageData(data).Batch([0, 1, 2, 3, 4], bigan.Range, 0).X;
        var z = bigan.Encode(x);
        Assert.Equal([5, 6], z.ShapeArray);
        Assert.Equal(6, bigan.FeatureSize);
        Assert.Equal(x.ShapeArray, bigan.Decode(z).ShapeArray);
        var samples = bigan.Sample(3, null, new Rng(2));
        Assert.Equal([3, 1, 28, 28], samples.ShapeArray);
        Assert.Equal([3, 6], bigan.Encode(samples).ShapeArray);
    }

    [Fact]
    public void DefaultsAreThePapersMnistSetup()
    {
        var o = new BiganOptions();
        Assert.Equal((50, 1024, 2, 0.2f, 2e-4, 0.5, 2.5e-5), (o.LatentDim, o.Width, o.Depth, o.LeakySlope, o.Adam.LearningRate, o.Adam.Beta1, o.WeightDecay));
        var data = TestData.Digits(1);
        var bigan = LatentToys.Build("bigan", TestData.Spec(data), 1);
        var weights = bigan.Networks().ToDictionary(n => n.Name, n => n.Module.StateDict().First(p => p.Key.EndsWith("weight", StringComparison.Ordinal)).Value.ShapeArray);
        Assert.Equal([1024, 784 + 50], weights["discriminator"]); // D sees the joint pair [x | z]
        Assert.Equal([1024, 784], weights["encoder"]);
        Assert.Equal([1024, 50], weights["generator"]);
    }

    [Fact]
    public void NoiseIsUniformOnMinusOneToOne()
    {
        var data = TestData.Digits(2);
        var bigan = (Bigan)LatentToys.Build("bigan", TestData.Spec(data), 1, Small);
        var losses = LatentToys.Train(bigan, new ImageData(data), LatentToys.Quick);
        Assert.All(losses, v => Assert.True(float.IsFinite(v)));
        var line = BiganObserver.Interpolate(Tensor.FromArray([0f, 2f, 4f, -2f], 2, 2), 1, 3);
        Assert.Equal([0f, 2f, 2f, 0f, 4f, -2f], line.ToArray());
    }

    [Fact]
    public void ResumedRunEqualsUninterruptedBitForBit()
    {
        using var dir = new TempDir();
        var data = new ImageData(TestData.Digits(3));
        var (straight, resumed, a, b) = LatentToys.StraightAndResumed("bigan", data, dir.Path, Small);
        Assert.Equal(straight, resumed);
        Weights.AssertSame(a, b);
    }

    [Fact]
    public void TrainsOnAToyTableWithSoftmaxBlocksAndEncodesRows()
    {
        var table = LatentToys.Table();
        var spec = (TableSpec)table.Spec;
        var bigan = (Bigan)LatentToys.Build("bigan", spec, 3, Small);
        Assert.All(LatentToys.Train(bigan, table, LatentToys.Quick), v => Assert.True(float.IsFinite(v)));
        var rows = bigan.Sample(5, null, new Rng(4));
        Assert.Equal([5, spec.Width], rows.ShapeArray);
        foreach (var block in spec.Blocks.Where(b => b.Activation == BlockActivation.Softmax))
            for (var i = 0; i < 5; i++)
                Assert.Equal(1f, rows.ToArray().AsSpan(i * spec.Width + block.Offset, block.Width).ToArray().Sum(), 4);
        Assert.Equal([4, 6], bigan.Encode(table.Batch([0, 1, 2, 3], bigan.Range, 0).X).ShapeArray);
    }
}
