namespace GanAugment.Data.Tables.Encoding;

/// <summary>A fitted candidate mixture on standardised values and its BIC.</summary>
internal sealed record EmResult(double[] Weights, double[] Means, double[] StdDevs, double Bic);

/// <summary>
/// Expectation-maximisation for a 1-D Gaussian mixture on standardised values, dropping
/// components whose weight falls below the threshold. Two starts are run and the one with the
/// lower BIC kept: k-means++ seeding from the seeded generator, and centres at the quantiles
/// (c + ½)/K of the sorted values; each start is refined by a few Lloyd (k-means) steps.
/// </summary>
/// <remarks>
/// NOTE: k-means++ picks far outliers as centres with high probability; such a component then
/// falls below the weight threshold and the real modes are missed. The quantile start is immune
/// to that, and the seeded start still explores other solutions.
/// </remarks>
internal static class Em
{
    // NOTE: a variance floor of (1e-3 σ_column)² keeps a component that settles on one repeated
    // value (integer columns) finite instead of collapsing to σ = 0.
    private const double MinStd = 1e-3;
    private const int LloydSteps = 10;

    public static EmResult Run(double[] z, double[] sorted, int components, GaussianMixtureOptions options, Random random)
    {
        var seeded = Run(z, Initialise(z, KMeansPlusPlus(z, components, random)), options);
        var quantiles = Run(z, Initialise(z, Quantiles(sorted, components)), options);
        return quantiles.Bic <= seeded.Bic ? quantiles : seeded;
    }

    private static EmResult Run(double[] z, (double[] Weights, double[] Means, double[] Stds) start, GaussianMixtureOptions options)
    {
        var (weights, means, stds) = start;
        var components = weights.Length;
        var n = z.Length;
        var resp = new double[n * components];
        var previous = double.NegativeInfinity;
        var logLikelihood = double.NegativeInfinity;
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            var k = weights.Length;
            logLikelihood = EStep(z, weights, means, stds, resp);
            (weights, means, stds) = MStep(z, resp, k, options.WeightThreshold);
            if (Math.Abs(logLikelihood - previous) <= options.Tolerance * n) break;
            previous = logLikelihood;
        }
        logLikelihood = EStep(z, weights, means, stds, resp);
        var parameters = 3 * weights.Length - 1;
        return new EmResult(weights, means, stds, -2 * logLikelihood + parameters * Math.Log(n));
    }

    /// <summary>Fills responsibilities (row-major n × K) and returns the log-likelihood.</summary>
    private static double EStep(double[] z, double[] weights, double[] means, double[] stds, double[] resp)
    {
        var k = weights.Length;
        var mixture = new GaussianMixture(weights, means, stds);
        var total = 0.0;
        for (var i = 0; i < z.Length; i++)
        {
            var row = resp.AsSpan(i * k, k);
            mixture.LogJoint(z[i], row);
            var lse = GaussianMixture.LogSumExp(row);
            total += lse;
            for (var c = 0; c < k; c++) row[c] = Math.Exp(row[c] - lse);
        }
        return total;
    }

    private static (double[] Weights, double[] Means, double[] Stds) MStep(double[] z, double[] resp, int k, double threshold)
    {
        var n = z.Length;
        var mass = new double[k];
        var sums = new double[k];
        for (var i = 0; i < n; i++)
            for (var c = 0; c < k; c++)
            {
                mass[c] += resp[i * k + c];
                sums[c] += resp[i * k + c] * z[i];
            }
        var keep = Enumerable.Range(0, k).Where(c => mass[c] / n >= threshold && mass[c] > 0).ToArray();
        if (keep.Length == 0) keep = [Array.IndexOf(mass, mass.Max())];
        var means = keep.Select(c => sums[c] / mass[c]).ToArray();
        var squares = new double[keep.Length];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < keep.Length; j++)
            {
                var d = z[i] - means[j];
                squares[j] += resp[i * k + keep[j]] * d * d;
            }
        var kept = keep.Sum(c => mass[c]);
        var weights = keep.Select(c => mass[c] / kept).ToArray();
        var stds = keep.Select((c, j) => Math.Max(Math.Sqrt(squares[j] / mass[c]), MinStd)).ToArray();
        return (weights, means, stds);
    }

    private static (double[] Weights, double[] Means, double[] Stds) Initialise(double[] z, double[] centers)
    {
        var k = centers.Length;
        var assign = new int[z.Length];
        for (var step = 0; step < LloydSteps; step++)
        {
            for (var i = 0; i < z.Length; i++) assign[i] = Nearest(z[i], centers);
            for (var c = 0; c < centers.Length; c++)
            {
                var (sum, count) = (0.0, 0);
                for (var i = 0; i < z.Length; i++)
                    if (assign[i] == c) { sum += z[i]; count++; }
                if (count > 0) centers[c] = sum / count;
            }
        }
        var weights = new double[k];
        var stds = new double[k];
        var counts = new int[k];
        for (var i = 0; i < z.Length; i++)
        {
            var c = assign[i] = Nearest(z[i], centers);
            counts[c]++;
            stds[c] += (z[i] - centers[c]) * (z[i] - centers[c]);
        }
        var used = Enumerable.Range(0, k).Where(c => counts[c] > 0).ToArray();
        return (
            used.Select(c => (double)counts[c] / z.Length).ToArray(),
            used.Select(c => centers[c]).ToArray(),
            used.Select(c => Math.Max(Math.Sqrt(stds[c] / counts[c]), MinStd)).ToArray());
    }

    private static double[] Quantiles(double[] sorted, int k) =>
        Enumerable.Range(0, k).Select(c => sorted[Math.Min(sorted.Length - 1, (int)((c + 0.5) / k * sorted.Length))]).ToArray();

    private static double[] KMeansPlusPlus(double[] z, int k, Random random)
    {
        var centers = new double[k];
        centers[0] = z[random.Next(z.Length)];
        var distance = new double[z.Length];
        for (var c = 1; c < k; c++)
        {
            var total = 0.0;
            for (var i = 0; i < z.Length; i++)
            {
                var d = double.PositiveInfinity;
                for (var j = 0; j < c; j++) d = Math.Min(d, (z[i] - centers[j]) * (z[i] - centers[j]));
                distance[i] = d;
                total += d;
            }
            var target = random.NextDouble() * total;
            var pick = z.Length - 1;
            for (var i = 0; i < z.Length; i++)
            {
                target -= distance[i];
                if (target < 0) { pick = i; break; }
            }
            centers[c] = z[pick];
        }
        return centers;
    }

    private static int Nearest(double x, double[] centers)
    {
        var best = 0;
        for (var c = 1; c < centers.Length; c++)
            if (Math.Abs(x - centers[c]) < Math.Abs(x - centers[best])) best = c;
        return best;
    }
}
