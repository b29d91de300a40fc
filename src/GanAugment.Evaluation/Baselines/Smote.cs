using System.Numerics.Tensors;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Baselines;

/// <summary>
/// SMOTE oversampling of one class (Chawla et al., "SMOTE: Synthetic Minority Over-sampling
/// Technique", JAIR 16, 2002, https://arxiv.org/abs/1106.1813): each synthetic sample is
/// x + g·(x̂ − x), where x is a random sample of the class, x̂ one of its k nearest neighbours
/// within the class (Euclidean) picked at random, and g ~ U[0, 1).
/// </summary>
public static class Smote
{
    /// <summary>The paper's k.</summary>
    public const int DefaultNeighbours = 5;

    /// <summary>
    /// Makes <paramref name="count"/> synthetic rows from the <paramref name="rows"/>×<paramref name="columns"/>
    /// row-major samples of one class and returns them as a count×columns row-major array. A class
    /// of n samples uses min(k, n − 1) neighbours; a class of one sample is duplicated.
    /// </summary>
    /// <exception cref="ArgumentException">A size is not positive (count may be 0) or the length does not match.</exception>
    public static float[] Oversample(
        ReadOnlySpan<float> samples, int rows, int columns, int count, Rng rng, int neighbours = DefaultNeighbours)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (rows < 1 || columns < 1 || count < 0 || neighbours < 1)
        {
            throw new ArgumentException(
                $"Smote: need rows, columns, neighbours ≥ 1 and count ≥ 0, got rows={rows}, columns={columns}, neighbours={neighbours}, count={count}.");
        }

        if (samples.Length != (long)rows * columns)
        {
            throw new ArgumentException($"Smote: {rows}x{columns} samples need {(long)rows * columns} values, got {samples.Length}.");
        }

        var synthetic = new float[(long)count * columns];
        var k = Math.Min(neighbours, rows - 1);
        if (k == 0)
        {
            for (var s = 0; s < count; s++)
            {
                samples.CopyTo(synthetic.AsSpan(s * columns, columns));
            }

            return synthetic;
        }

        var bases = new int[count];
        for (var s = 0; s < count; s++)
        {
            bases[s] = rng.NextInt(rows);
        }

        // Neighbours are searched only for the rows that were drawn, which matters when a few
        // samples are made from a large class.
        var drawn = bases.Distinct().Order().ToArray();
        var slot = new int[rows];
        for (var i = 0; i < drawn.Length; i++)
        {
            slot[drawn[i]] = i;
        }

        var table = NearestNeighbours.Find(samples, rows, columns, drawn, k);
        for (var s = 0; s < count; s++)
        {
            var i = bases[s];
            var j = table[slot[i] * k + rng.NextInt(k)];
            var gap = rng.NextFloat();
            var x = samples.Slice(i * columns, columns);
            var destination = synthetic.AsSpan(s * columns, columns);
            TensorPrimitives.Subtract(samples.Slice(j * columns, columns), x, destination);
            TensorPrimitives.MultiplyAdd(destination, gap, x, destination);
        }

        return synthetic;
    }
}
