namespace GanAugment.Data.Tests.Tables;

/// <summary>Seeded random draws for tests.</summary>
internal static class Samples
{
    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Normal(Random random)
    {
        var u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }

    /// <summary>n values, half from N(-5, 1) and half from N(10, 2²), interleaved.</summary>
    public static double[] Bimodal(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(i => i % 2 == 0 ? -5 + Normal(random) : 10 + 2 * Normal(random)).ToArray();
    }
}
