namespace GanAugment.Bench.Cases;

/// <summary>Seeded benchmark inputs, uniform in [-1, 1].</summary>
internal static class BenchData
{
    public static float[] Uniform(long length, int seed)
    {
        var rng = new Random(seed);
        var data = new float[length];
        for (long i = 0; i < data.LongLength; i++)
        {
            data[i] = (float)((rng.NextDouble() * 2.0) - 1.0);
        }

        return data;
    }
}
