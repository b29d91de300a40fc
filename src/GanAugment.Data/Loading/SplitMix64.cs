namespace GanAugment.Data.Loading;

/// <summary>
/// The Data project's own seeded generator (SplitMix64, Steele, Lea and Flood 2014,
/// https://doi.org/10.1145/2714064.2660195). The same seed gives the same sequence on every
/// machine and .NET version, which <see cref="System.Random"/> does not promise; every tool in
/// this project that shuffles or samples (imbalance, few-shot splits, data loaders,
/// augmentation) draws from it, so its results are repeatable for a seed.
/// </summary>
internal sealed class SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>A generator for sub-stream <paramref name="stream"/> of <paramref name="seed"/>
    /// (e.g. one per epoch or per run), independent of how far any other stream was drawn.</summary>
    public static SplitMix64 ForStream(long seed, params ReadOnlySpan<long> stream)
    {
        var s = Mix((ulong)seed);
        foreach (var part in stream) s = Mix(s ^ Mix((ulong)part + Gamma));
        return new SplitMix64(s);
    }

    public ulong NextUInt64()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "must be positive");
        var range = (ulong)maxExclusive;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), range, out var low);
            if (low >= (0UL - range) % range) return (int)product;
        }
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double NextDouble(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
