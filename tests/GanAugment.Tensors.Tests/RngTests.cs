using GanAugment.Tensors;

namespace GanAugment.Tensors.Tests;

public class RngTests
{
    [Fact]
    public void SameSeedSameStream()
    {
        var a = new Rng(42);
        var b = new Rng(42);
        for (var i = 0; i < 100; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void SplitStreamsDiffer()
    {
        var a = new Rng(1);
        var s = a.Split();
        Assert.NotEqual(a.NextUInt64(), s.NextUInt64());
    }

    [Fact]
    public void NormalHasUnitMomentsAndUniformStaysInRange()
    {
        var t = Tensor.Randn(new Rng(3), [20000]);
        var mean = t.Mean().Item();
        var std = MathF.Sqrt(t.Var(0).Item());
        Assert.InRange(mean, -0.03f, 0.03f);
        Assert.InRange(std, 0.97f, 1.03f);
        var u = Tensor.Rand(new Rng(4), [1000], -2f, 3f).ToArray();
        Assert.All(u, v => Assert.InRange(v, -2f, 3f));
    }

    [Fact]
    public void NextIntCoversTheRangeWithoutBias()
    {
        var rng = new Rng(5);
        var counts = new int[3];
        for (var i = 0; i < 30000; i++) counts[rng.NextInt(3)]++;
        Assert.All(counts, c => Assert.InRange(c, 9600, 10400));
    }
}

public class RngStateTests
{
    [Fact]
    public void SavedStateContinuesTheSameStream()
    {
        var a = new Rng(9);
        a.Normal(); // leaves a spare normal in the state
        var saved = a.SaveState();
        var expected = Enumerable.Range(0, 5).Select(_ => a.Normal()).ToArray();
        var b = new Rng(1);
        b.RestoreState(saved);
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => b.Normal()).ToArray());
        Assert.Throws<FormatException>(() => b.RestoreState("junk"));
    }
}
