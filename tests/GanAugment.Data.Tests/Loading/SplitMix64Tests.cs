using GanAugment.Data.Loading;

namespace GanAugment.Data.Tests.Loading;

public class SplitMix64Tests
{
    [Fact]
    public void MatchesTheReferenceSequence()
    {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var rng = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, rng.NextUInt64());
    }

    [Fact]
    public void NextIntIsUniformEnough()
    {
        var rng = new SplitMix64(7);
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++) counts[rng.NextInt(6)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void StreamsAreRepeatableAndDistinct()
    {
        Assert.Equal(SplitMix64.ForStream(1, 2).NextUInt64(), SplitMix64.ForStream(1, 2).NextUInt64());
        Assert.NotEqual(SplitMix64.ForStream(1, 2).NextUInt64(), SplitMix64.ForStream(1, 3).NextUInt64());
        Assert.NotEqual(SplitMix64.ForStream(1, 2).NextUInt64(), SplitMix64.ForStream(2, 2).NextUInt64());
    }
}
