using GanAugment.Gans.Models;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Latent;

public class AaeTests
{
    private static readonly string[] Small = ["width=16"];

    [Fact]
    public void TheDiscriminatorSeesCodesNotImages()
    {
        var data = TestData.Digits(2);
        var aae = (Aae)LatentToys.Build("aae", TestData.Spec(data), 1, Small);
        Assert.Equal(2, aae.DiscriminatorInputs);
        var first = aae.Networks().Single(n => n.Name == "discriminator").Module.StateDict().First(p => p.Key.EndsWith("weight", StringComparison.Ordinal)).Value;
        Assert.Equal([16, 2], first.ShapeArray);
        var images = new ImageData(data).Batch([0, 1], aae.Range, 0);
        var networks = aae.Networks().ToDictionary(n => n.Name, n => n.Module);
        Assert.Throws<ArgumentException>(() => ((GanAugment.NN.Module<Tensor, Tensor>)networks["discriminator"]).Call(images.X));
        Assert.All(LatentToys.Train(aae, new ImageData(data), LatentToys.Quick), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void TheSupervisedDecoderReceivesTheLabel()
    {
        var data = TestData.Digits(2);
        var plain = (Aae)LatentToys.Build("aae", TestData.Spec(data), 1, Small);
        var supervised = (Aae)LatentToys.Build("aae", TestData.Spec(data), 1, [.. Small, "supervised=true"]);
        Assert.Equal(2, plain.DecoderInputs);
        Assert.Equal(2 + 10, supervised.DecoderInputs);
        Assert.Equal(ConditionKind.Labels, supervised.Conditioning);
        var code = Tensor.FromArray([1f, -2f, 1f, -2f], 2, 2);
        var decoded = supervised.Decode(code, [3, 7]).ToArray();
        Assert.NotEqual(decoded.AsSpan(0, 784).ToArray(), decoded.AsSpan(784, 784).ToArray());
        Assert.Equal(supervised.Decode(code, [3, 3]).ToArray().AsSpan(0, 784).ToArray(), decoded.AsSpan(0, 784).ToArray());
        Assert.All(LatentToys.Train(supervised, new ImageData(data), LatentToys.Quick), v => Assert.True(float.IsFinite(v)));
        Assert.Equal([4, 1, 28, 28], supervised.Sample(4, [0, 1, 2, 9], new Rng(1)).ShapeArray);
    }

    [Fact]
    public void SupervisedNeedsLabels()
    {
        var spec = LatentToys.Table().Spec;
        var unlabelled = new TableSpec(((TableSpec)spec).Width, ((TableSpec)spec).Blocks, ((TableSpec)spec).ColumnOrder, null, [], ((TableSpec)spec).Transformer, "csv");
        Assert.Contains("labelled", Assert.Throws<ArgumentException>(() => LatentToys.Build("aae", unlabelled, 1, "supervised=true")).Message);
    }

    [Theory]
    [InlineData("gaussian")]
    [InlineData("mixture")]
    [InlineData("uniform")]
    public void PriorsHaveTheirScale(string prior)
    {
        var data = TestData.Digits(1);
        var aae = (Aae)LatentToys.Build("aae", TestData.Spec(data), 1, [.. Small, $"prior={prior}"]);
        var z = aae.Prior(4000, new Rng(3)).ToArray();
        var x = Enumerable.Range(0, 4000).Select(i => (double)z[2 * i]).ToArray();
        var y = Enumerable.Range(0, 4000).Select(i => (double)z[2 * i + 1]).ToArray();
        var radius = x.Zip(y, (a, b) => Math.Sqrt(a * a + b * b)).ToArray();
        switch (prior)
        {
            case "gaussian":
                Assert.InRange(Math.Sqrt(x.Average(v => v * v)), 4.8, 5.2);
                break;
            case "uniform":
                Assert.All(x.Concat(y), v => Assert.InRange(v, -5, 5));
                Assert.InRange(x.Average(v => v * v), 25 / 3.0 - 0.5, 25 / 3.0 + 0.5); // variance of U[-5, 5]
                break;
            default:
                Assert.InRange(radius.Average(), 4.9, 5.1); // means on the circle of radius 5, std 0.5
                Assert.InRange(radius.Min(), 2.5, 5);
                break;
        }
    }

    [Fact]
    public void ResumedRunEqualsUninterruptedBitForBit()
    {
        using var dir = new TempDir();
        var data = new ImageData(TestData.Digits(3));
        var (straight, resumed, a, b) = LatentToys.StraightAndResumed("aae", data, dir.Path, [.. Small, "supervised=true"]);
        Assert.Equal(straight, resumed);
        Weights.AssertSame(a, b);
    }

    [Fact]
    public void TrainsOnAToyTableAndSamplesRowsFromItsPrior()
    {
        var table = LatentToys.Table();
        var aae = (Aae)LatentToys.Build("aae", table.Spec, 2, Small);
        Assert.All(LatentToys.Train(aae, table, LatentToys.Quick), v => Assert.True(float.IsFinite(v)));
        Assert.Equal([6, ((TableSpec)table.Spec).Width], aae.Sample(6, null, new Rng(1)).ShapeArray);
        Assert.Equal([3, 2], aae.Encode(table.Batch([0, 1, 2], aae.Range, 0).X).ShapeArray);
    }

    [Fact]
    public void TheLatticeCoversTheSquareRowByRow()
    {
        var lattice = AaeObserver.Lattice(2, 4f, 3).ToArray();
        Assert.Equal([-4f, 4f, 0f, 4f, 4f, 4f, -4f, 0f, 0f, 0f, 4f, 0f, -4f, -4f, 0f, -4f, 4f, -4f], lattice);
    }
}
