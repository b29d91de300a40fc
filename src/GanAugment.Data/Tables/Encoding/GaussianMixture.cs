namespace GanAugment.Data.Tables.Encoding;

/// <summary>
/// A one-dimensional Gaussian mixture p(x) = Σ_k w_k N(x; μ_k, σ_k²), fitted by EM. This is the
/// per-column model of CTGAN's mode-specific normalisation (Xu et al. 2019, "Modeling Tabular
/// Data using Conditional GAN", https://arxiv.org/abs/1907.00503).
/// </summary>
/// <remarks>
/// CTGAN fits a variational Bayesian GMM with a Dirichlet-process prior, whose effect is that
/// unneeded components get near-zero weight and are dropped (weight &lt; 0.005). Here the same
/// effect comes from plain EM: for K = 1, 2, ... up to <see cref="GaussianMixtureOptions.MaxComponents"/>
/// components (best of a seeded k-means++ start and a quantile start), components whose weight falls
/// below the threshold are dropped during EM, and the fit with the lowest Bayesian information
/// criterion BIC = -2 log L + (3K - 1) ln n is kept (K counting the components that survived).
/// </remarks>
public sealed class GaussianMixture
{
    private const double LogSqrt2Pi = 0.91893853320467274178;

    private readonly double[] _weights;
    private readonly double[] _means;
    private readonly double[] _stdDevs;
    private readonly double[] _logScale;
    private readonly double[] _inverseStd;

    public GaussianMixture(double[] weights, double[] means, double[] stdDevs)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(stdDevs);
        if (weights.Length == 0 || weights.Length != means.Length || weights.Length != stdDevs.Length)
            throw new ArgumentException("weights, means and standard deviations must be non-empty and of equal length");
        for (var k = 0; k < weights.Length; k++)
            if (!(weights[k] > 0) || !double.IsFinite(means[k]) || !(stdDevs[k] > 0) || !double.IsFinite(stdDevs[k]))
                throw new ArgumentException($"component {k} needs weight > 0, a finite mean and a finite σ > 0");
        _weights = weights;
        _means = means;
        _stdDevs = stdDevs;
        _logScale = new double[weights.Length];
        _inverseStd = new double[weights.Length];
        for (var k = 0; k < weights.Length; k++)
        {
            _logScale[k] = Math.Log(weights[k]) - Math.Log(stdDevs[k]) - LogSqrt2Pi;
            _inverseStd[k] = 1 / stdDevs[k];
        }
    }

    public int Count => _weights.Length;

    public IReadOnlyList<double> Weights => _weights;

    public IReadOnlyList<double> Means => _means;

    public IReadOnlyList<double> StdDevs => _stdDevs;

    /// <summary>log(w_k N(x; μ_k, σ_k²)) for each component.</summary>
    public void LogJoint(double x, Span<double> destination)
    {
        if (destination.Length != Count) throw new ArgumentException($"destination needs {Count} entries", nameof(destination));
        for (var k = 0; k < Count; k++)
        {
            var z = (x - _means[k]) * _inverseStd[k];
            destination[k] = _logScale[k] - 0.5 * z * z;
        }
    }

    /// <summary>Mean log-likelihood of <paramref name="values"/>.</summary>
    public double MeanLogLikelihood(ReadOnlySpan<double> values)
    {
        Span<double> joint = stackalloc double[Count];
        var sum = 0.0;
        foreach (var x in values)
        {
            LogJoint(x, joint);
            sum += LogSumExp(joint);
        }
        return sum / values.Length;
    }

    /// <summary>The same mixture with σ_k replaced by <paramref name="stdDevs"/>.</summary>
    public GaussianMixture WithStdDevs(double[] stdDevs) => new(_weights, _means, stdDevs);

    /// <summary>Fits a mixture to <paramref name="values"/> (finite, at least one); see the remarks for the method.</summary>
    public static GaussianMixture Fit(ReadOnlySpan<double> values, GaussianMixtureOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (values.Length == 0) throw new ArgumentException("cannot fit a mixture to no values", nameof(values));
        foreach (var v in values)
            if (!double.IsFinite(v)) throw new ArgumentException("values must be finite", nameof(values));

        var random = new Random(seed);
        var sample = Subsample(values, options.MaxFitSamples, random);
        var (center, scale) = MeanAndStd(sample);
        if (scale == 0 || sample.Distinct().Count() == 1)
            return new GaussianMixture([1.0], [center], [Math.Max(Math.Abs(center) * 1e-6, 1e-6)]);

        // NOTE: EM runs on standardised values so that variances of columns like years or
        // amounts of money do not lose precision, and the variance floor is scale-free.
        var z = sample.Select(x => (x - center) / scale).ToArray();
        var sorted = z.Order().ToArray();
        var maxK = Math.Min(options.MaxComponents, z.Distinct().Count());
        // NOTE: every K is tried; BIC is not unimodal in K when EM drops components (a start
        // that loses a mode to an outlier can make K + 1 look worse than K + 2).
        EmResult? best = null;
        for (var k = 1; k <= maxK; k++)
        {
            var fit = Em.Run(z, sorted, k, options, random);
            if (best is null || fit.Bic < best.Bic) best = fit;
        }
        var means = best!.Means.Select(m => center + scale * m).ToArray();
        var stds = best.StdDevs.Select(s => scale * s).ToArray();
        return new GaussianMixture(best.Weights, means, stds);
    }

    internal static double LogSumExp(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values) max = Math.Max(max, v);
        if (double.IsNegativeInfinity(max)) return max;
        var sum = 0.0;
        foreach (var v in values) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }

    private static double[] Subsample(ReadOnlySpan<double> values, int max, Random random)
    {
        var all = values.ToArray();
        if (all.Length <= max) return all;
        for (var i = 0; i < max; i++)
        {
            var j = random.Next(i, all.Length);
            (all[i], all[j]) = (all[j], all[i]);
        }
        return all[..max];
    }

    private static (double Mean, double Std) MeanAndStd(double[] values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        return (mean, Math.Sqrt(variance));
    }
}
