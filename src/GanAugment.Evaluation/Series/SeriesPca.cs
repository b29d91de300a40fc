using GanAugment.Data.Writers.Charts;
using GanAugment.Evaluation.Metrics;
using MathNet.Numerics.LinearAlgebra;

namespace GanAugment.Evaluation.Series;

/// <summary>
/// Principal components of flattened series (T·F values each), fitted on the real series and
/// applied to both sets, as TimeGAN's PCA plot: the top eigenvectors of the real set's
/// covariance Σ = Σ(xᵢ − μ)(xᵢ − μ)ᵀ / (n − 1) (MathNet's symmetric eigendecomposition),
/// each signed so that its largest entry is positive, and a row's coordinates (x − μ)·vₖ.
/// </summary>
public sealed class SeriesPca
{
    private readonly double[] _mean;
    private readonly double[][] _components;

    private SeriesPca(double[] mean, double[][] components, double[] explained)
    {
        _mean = mean;
        _components = components;
        ExplainedVarianceRatio = explained;
    }

    /// <summary>λₖ / Tr Σ of each kept component, largest first.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    public int Components => _components.Length;

    /// <summary>Fits the top <paramref name="components"/> directions of <paramref name="count"/> rows of <paramref name="dim"/> values.</summary>
    /// <exception cref="ArgumentException">Fewer than two rows, more components than dimensions, or a non-finite value.</exception>
    public static SeriesPca Fit(ReadOnlySpan<float> rows, int count, int dim, int components = 2)
    {
        if (components < 1 || components > dim) throw new ArgumentException($"PCA: {components} components of {dim}-dimensional rows");
        var stats = GaussianStatistics.FromFeatures(rows, count, dim);
        var evd = Matrix<double>.Build.Dense(dim, dim, (i, j) => stats.Covariance[i * dim + j]).Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        var order = Enumerable.Range(0, dim).OrderByDescending(k => values[k]).ThenBy(k => k).Take(components).ToArray();
        var trace = Math.Max(values.Sum(), double.Epsilon);
        var vectors = order.Select(k =>
        {
            var v = evd.EigenVectors.Column(k).ToArray();
            var largest = v.MaxBy(x => Math.Abs(x));
            return largest < 0 ? v.Select(x => -x).ToArray() : v;
        }).ToArray();
        return new SeriesPca(stats.Mean, vectors, order.Select(k => Math.Max(0, values[k]) / trace).ToArray());
    }

    /// <summary>The coordinates of <paramref name="count"/> rows, row-major (count × <see cref="Components"/>).</summary>
    public double[] Project(ReadOnlySpan<float> rows, int count)
    {
        var dim = _mean.Length;
        if (rows.Length != (long)count * dim) throw new ArgumentException($"PCA: {rows.Length} values are not {count} rows of {dim}");
        var coordinates = new double[count * Components];
        for (var i = 0; i < count; i++)
        {
            var row = rows.Slice(i * dim, dim);
            for (var k = 0; k < Components; k++)
            {
                var sum = 0.0;
                for (var d = 0; d < dim; d++) sum += (row[d] - _mean[d]) * _components[k][d];
                coordinates[i * Components + k] = sum;
            }
        }

        return coordinates;
    }

    /// <summary>
    /// Real and synthetic points in the plane of the first two components: real as dots,
    /// synthetic as hollow squares (which keeps them apart from the real ones where they overlap).
    /// </summary>
    public static LineChart Scatter(string title, double[] real, double[] synthetic)
    {
        static LineSeries Points(string name, double[] xy, bool hollow)
        {
            var x = new List<double>();
            var y = new List<double>();
            for (var i = 0; i + 1 < xy.Length; i += 2)
            {
                x.Add(xy[i]);
                y.Add(xy[i + 1]);
            }

            return new LineSeries(name, x, y) { Joined = false, Marks = hollow ? SeriesMarks.HollowSquares : SeriesMarks.Dots };
        }

        return new LineChart
        {
            Title = title,
            Series = [Points("real", real, hollow: false), Points("synthetic", synthetic, hollow: true)],
            XLabel = "PC 1 (fitted on real)",
            YLabel = "PC 2",
            Width = 640,
            Height = 560,
        };
    }
}
