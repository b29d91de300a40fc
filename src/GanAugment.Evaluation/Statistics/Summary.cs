namespace GanAugment.Evaluation.Statistics;

/// <summary>
/// Mean, sample standard deviation and count of a set of runs: mean = Σx/n,
/// std = √(Σ(x − mean)² / (n − 1)). With one value the sample standard deviation is undefined
/// and <see cref="StandardDeviation"/> is <see cref="double.NaN"/>.
/// </summary>
public readonly record struct Summary(double Mean, double StandardDeviation, int Count)
{
    /// <summary>Summarises <paramref name="values"/> (two-pass, so large offsets lose no precision).</summary>
    /// <exception cref="ArgumentException">The set is empty or holds a non-finite value.</exception>
    public static Summary Of(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("Summary.Of: no values.", nameof(values));
        }

        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Summary.Of: value {i} is {values[i]}.", nameof(values));
            }

            sum += values[i];
        }

        if (values.Length == 1)
        {
            return new Summary(values[0], double.NaN, 1);
        }

        // NOTE: Σx/n of equal values can be off by an ulp ((0.8 + 0.8 + 0.8) / 3 ≠ 0.8), which would give
        // repeated identical runs a variance of 1e-32 instead of 0 and make a t-test call two
        // identical constants "different"; equal values are therefore summarised exactly.
        if (values.IndexOfAnyExcept(values[0]) < 0)
        {
            return new Summary(values[0], 0, values.Length);
        }

        var mean = sum / values.Length;

        var squares = 0.0;
        foreach (var x in values)
        {
            squares += (x - mean) * (x - mean);
        }

        return new Summary(mean, Math.Sqrt(squares / (values.Length - 1)), values.Length);
    }

    /// <summary>The sample variance, std².</summary>
    public double Variance => StandardDeviation * StandardDeviation;
}
