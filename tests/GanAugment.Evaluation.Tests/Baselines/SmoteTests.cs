using GanAugment.Evaluation.Baselines;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Tests.Baselines;

public class SmoteTests
{
    private static float[] RandomRows(int rows, int columns, int seed)
    {
        var data = new float[rows * columns];
        new Rng(seed).FillNormal(data);
        return data;
    }

    /// <summary>The k nearest other rows of row i by double-precision distance, ties to the lower index.</summary>
    private static int[] BruteForceNeighbours(float[] data, int columns, int i, int k)
    {
        var rows = data.Length / columns;
        return Enumerable.Range(0, rows).Where(j => j != i)
            .OrderBy(j => Enumerable.Range(0, columns).Sum(c => Math.Pow((double)data[i * columns + c] - data[j * columns + c], 2)))
            .ThenBy(j => j)
            .Take(k).ToArray();
    }

    /// <summary>g with s = a + g(b − a) if s lies on segment [a, b] (within float rounding), else null.</summary>
    private static double? PositionOnSegment(ReadOnlySpan<float> s, ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double along = 0, length = 0;
        for (var c = 0; c < s.Length; c++)
        {
            along += (s[c] - a[c]) * (double)(b[c] - a[c]);
            length += (b[c] - a[c]) * (double)(b[c] - a[c]);
        }

        var g = along / length;
        var residual = 0.0;
        for (var c = 0; c < s.Length; c++)
        {
            residual = Math.Max(residual, Math.Abs(s[c] - (a[c] + g * (b[c] - a[c]))));
        }

        return residual < 1e-5 && g >= -1e-6 && g <= 1 + 1e-6 ? g : null;
    }

    [Fact]
    public void Samples_LieOnSegmentsToNearestNeighbours()
    {
        const int rows = 12, columns = 8, k = 3, count = 200;
        var data = RandomRows(rows, columns, seed: 1);
        var synthetic = Smote.Oversample(data, rows, columns, count, new Rng(7), neighbours: k);
        Assert.Equal(count * columns, synthetic.Length);
        var usedPairs = new HashSet<(int, int)>();
        var gaps = new List<double>();
        for (var s = 0; s < count; s++)
        {
            var sample = synthetic.AsSpan(s * columns, columns);
            var found = false;
            for (var i = 0; i < rows && !found; i++)
            {
                foreach (var j in BruteForceNeighbours(data, columns, i, k))
                {
                    if (PositionOnSegment(sample, data.AsSpan(i * columns, columns), data.AsSpan(j * columns, columns)) is { } g)
                    {
                        usedPairs.Add((i, j));
                        gaps.Add(g);
                        found = true;
                        break;
                    }
                }
            }

            Assert.True(found, $"synthetic sample {s} is not on a segment between a sample and one of its {k} nearest neighbours");
        }

        // Many different pairs and gaps spread over [0, 1), not one fixed point.
        Assert.True(usedPairs.Count > 20, $"only {usedPairs.Count} pairs used");
        Assert.InRange(gaps.Average(), 0.4, 0.6);
    }

    [Fact]
    public void SameSeed_SameSamples_OtherSeed_Different()
    {
        var data = RandomRows(30, 5, seed: 2);
        var first = Smote.Oversample(data, 30, 5, 40, new Rng(11));
        var second = Smote.Oversample(data, 30, 5, 40, new Rng(11));
        var other = Smote.Oversample(data, 30, 5, 40, new Rng(12));
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void OneSample_IsDuplicated()
    {
        var synthetic = Smote.Oversample([1, 2, 3], 1, 3, 2, new Rng(0));
        Assert.Equal([1, 2, 3, 1, 2, 3], synthetic);
    }

    [Fact]
    public void SmallClass_UsesEveryOtherSample()
    {
        // Three samples with k = 5: each has two neighbours, so both segments from it are used.
        float[] data = [0, 0, 10, 0, 0, 10];
        var synthetic = Smote.Oversample(data, 3, 2, 300, new Rng(3));
        var onEdge = new int[3];
        for (var s = 0; s < 300; s++)
        {
            double x = synthetic[2 * s], y = synthetic[2 * s + 1];
            Assert.True(x >= 0 && y >= 0 && x + y <= 10 + 1e-4, $"sample {s} ({x}, {y}) is off the triangle");
            var edge = Math.Abs(y) < 1e-6 ? 0 : Math.Abs(x) < 1e-6 ? 1 : 2;
            onEdge[edge]++;
        }

        Assert.All(onEdge, n => Assert.True(n > 50, $"edge counts {string.Join(",", onEdge)}"));
    }

    [Fact]
    public void ZeroCount_IsEmpty() => Assert.Empty(Smote.Oversample([1, 2, 3, 4], 2, 2, 0, new Rng(0)));

    [Fact]
    public void BadShape_Throws()
    {
        Assert.Throws<ArgumentException>(() => Smote.Oversample([1, 2, 3], 2, 2, 5, new Rng(0)));
        Assert.Throws<ArgumentException>(() => Smote.Oversample([1, 2], 1, 2, 5, new Rng(0), neighbours: 0));
    }

    [Fact]
    public void NeighbourSearch_MatchesBruteForce_AcrossQueryBlocks()
    {
        // 300 rows is more than one block of queries; rows 5 and 6 duplicate row 4 (distance-0 ties).
        const int rows = 300, columns = 20, k = 5;
        var data = RandomRows(rows, columns, seed: 4);
        data.AsSpan(4 * columns, columns).CopyTo(data.AsSpan(5 * columns));
        data.AsSpan(4 * columns, columns).CopyTo(data.AsSpan(6 * columns));
        var queries = Enumerable.Range(0, rows).ToArray();
        var table = NearestNeighbours.Find(data, rows, columns, queries, k);
        for (var i = 0; i < rows; i++)
        {
            Assert.Equal(BruteForceNeighbours(data, columns, i, k), table.AsSpan(i * k, k).ToArray());
        }

        Assert.Equal([5, 6], table.AsSpan(4 * k, 2).ToArray());
    }
}
