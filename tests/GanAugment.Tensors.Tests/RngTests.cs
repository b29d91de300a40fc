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

public class DropoutMaskTests
{
    [Theory]
    [InlineData(0.5f)]
    [InlineData(0.25f)]
    [InlineData(0.2f)]
    [InlineData(0.7f)]
    public void DropsAboutPAndKeepsTheValue(float p)
    {
        var mask = new float[200_000];
        new Rng(9).FillDropoutMask(mask, p, 3f);
        Assert.All(mask, v => Assert.True(v == 0f || v == 3f, $"unexpected {v}"));
        var dropped = mask.Count(v => v == 0f) / (double)mask.Length;
        Assert.InRange(dropped, p - 0.005, p + 0.005);
    }

    [Fact]
    public void AtOneHalfEachBitOfADrawDecidesOneElement()
    {
        var mask = new float[70];
        new Rng(10).FillDropoutMask(mask, 0.5f, 2f);
        var reference = new Rng(10);
        var first = reference.NextUInt64();
        var second = reference.NextUInt64();
        for (var i = 0; i < 70; i++)
        {
            var bit = i < 64 ? (first >> i) & 1 : (second >> (i - 64)) & 1;
            Assert.Equal(bit == 0 ? 0f : 2f, mask[i]);
        }
    }

    [Theory]
    [InlineData(0.5f, 1000)]
    [InlineData(0.25f, 1000)]
    [InlineData(0.75f, 997)]
    [InlineData(0.5f, 63)]
    public void EveryElementIsTheSliceOfItsDrawThatTheScalarRuleReads(float p, int length)
    {
        // Reference: draw i/perDraw decides element i from its k-bit slice (i mod perDraw), dropped when below p·2^k.
        var mask = new float[length];
        new Rng(12).FillDropoutMask(mask, p, 4f);
        var bits = p == 0.5f ? 1 : 2;
        var perDraw = 64 / bits;
        var threshold = (ulong)(p * (1 << bits));
        var reference = new Rng(12);
        var draw = 0UL;
        for (var i = 0; i < length; i++)
        {
            if (i % perDraw == 0) draw = reference.NextUInt64();
            var slice = (draw >> (i % perDraw * bits)) & ((1UL << bits) - 1);
            Assert.Equal(slice < threshold ? 0f : 4f, mask[i]);
        }

        // The mask used exactly the draws it needed: the streams continue in step.
        var filled = new Rng(12);
        filled.FillDropoutMask(mask, p, 4f);
        Assert.Equal(reference.NextUInt64(), filled.NextUInt64());
    }

    [Fact]
    public void SameSeedSameMaskAndTheEdgesAreExact()
    {
        var (a, b) = (new float[1000], new float[1000]);
        new Rng(11).FillDropoutMask(a, 0.3f, 1f);
        new Rng(11).FillDropoutMask(b, 0.3f, 1f);
        Assert.Equal(a, b);
        new Rng(11).FillDropoutMask(a, 0f, 5f);
        Assert.All(a, v => Assert.Equal(5f, v));
        new Rng(11).FillDropoutMask(a, 1f, 5f);
        Assert.All(a, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void StreamsAreRepeatableDistinctAndIndependentOfOrder()
    {
        Assert.Equal(Rng.ForStream(1, 2).NextUInt64(), Rng.ForStream(1, 2).NextUInt64());
        Assert.NotEqual(Rng.ForStream(1, 2).NextUInt64(), Rng.ForStream(1, 3).NextUInt64());
        Assert.NotEqual(Rng.ForStream(1, 2).NextUInt64(), Rng.ForStream(2, 2).NextUInt64());
        Assert.NotEqual(Rng.ForStream(1, 2, 3).NextUInt64(), Rng.ForStream(1, 3, 2).NextUInt64());
        Assert.NotEqual(Rng.ForStream(1).NextUInt64(), Rng.ForStream(1, 0).NextUInt64());
    }

    [Fact]
    public void NextDoubleInARangeStaysInIt()
    {
        var rng = new Rng(3);
        for (var i = 0; i < 1000; i++) Assert.InRange(rng.NextDouble(-2, 5), -2, 5);
    }
}
