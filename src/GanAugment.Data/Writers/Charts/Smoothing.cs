namespace GanAugment.Data.Writers.Charts;

/// <summary>Smoothing of noisy curves (per-step losses) for charts.</summary>
public static class Smoothing
{
    /// <summary>TensorBoard's default smoothing weight for scalar curves.</summary>
    public const double DefaultWeight = 0.6;

    /// <summary>
    /// The debiased exponential moving average, as TensorBoard's scalar dashboard draws it:
    /// m_t = w·m_(t−1) + (1 − w)·x_t from m_0 = 0, divided by 1 − w^n after n values, so the
    /// first points are not pulled towards 0. A non-finite value gives NaN at its place and
    /// leaves the average as it was; w = 0 returns the values unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not in [0, 1).</exception>
    public static double[] ExponentialMovingAverage(IReadOnlyList<double> values, double weight = DefaultWeight)
    {
        if (!(weight >= 0 && weight < 1)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "the smoothing weight must be in [0, 1)");
        var smoothed = new double[values.Count];
        var (average, count) = (0.0, 0);
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                smoothed[i] = double.NaN;
                continue;
            }
            average = weight * average + (1 - weight) * values[i];
            count++;
            smoothed[i] = average / (1 - Math.Pow(weight, count));
        }
        return smoothed;
    }
}
