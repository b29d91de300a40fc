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

        var mean = sum / values.Length;
        if (values.Length == 1)
        {
            return new Summary(mean, double.NaN, 1);
        }

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
