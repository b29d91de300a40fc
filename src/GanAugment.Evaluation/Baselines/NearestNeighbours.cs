using System.Numerics.Tensors;
using GanAugment.Tensors.Kernels;

namespace GanAugment.Evaluation.Baselines;

/// <summary>
/// Brute-force k-nearest-neighbour search (Euclidean) among the rows of one matrix, the search
/// <see cref="Smote"/> needs. Dot products come from the engine's SGEMM, a block of query rows
/// at a time, so 6,000 × 784 takes well under a second rather than minutes.
/// </summary>
internal static class NearestNeighbours
{
    private const int QueryBlock = 256;

    /// <summary>
    /// For each row index in <paramref name="queries"/>, the indices of its <paramref name="k"/>
    /// nearest other rows, nearest first, as queries.Length×k row-major. Equal distances among the
    /// shortlisted candidates go to the lower index.
    /// </summary>
    /// <exception cref="ArgumentException">k is not in 1..rows − 1.</exception>
    public static int[] Find(ReadOnlySpan<float> samples, int rows, int columns, ReadOnlySpan<int> queries, int k)
    {
        if (k < 1 || k > rows - 1)
        {
            throw new ArgumentException($"NearestNeighbours: k = {k} needs 1 to {rows - 1}.");
        }

        var squaredNorms = new float[rows];
        for (var j = 0; j < rows; j++)
        {
            squaredNorms[j] = TensorPrimitives.SumOfSquares(samples.Slice(j * columns, columns));
        }

        // NOTE: ‖q − x‖² = ‖q‖² − 2q·x + ‖x‖² cancels badly in float for close pairs, so the GEMM
        // only shortlists 2k candidates, which are then ranked by the directly computed distance.
        var shortlist = Math.Min(2 * k, rows - 1);
        var result = new int[queries.Length * k];
        var block = new float[QueryBlock * columns];
        var dots = new float[QueryBlock * rows];
        var candidates = new int[shortlist];
        var keys = new float[shortlist];
        var shortlisted = new int[shortlist];
        for (var start = 0; start < queries.Length; start += QueryBlock)
        {
            var m = Math.Min(QueryBlock, queries.Length - start);
            for (var q = 0; q < m; q++)
            {
                samples.Slice(queries[start + q] * columns, columns).CopyTo(block.AsSpan(q * columns, columns));
            }

            Gemm.Sgemm(false, true, m, rows, columns, block, columns, samples, columns, dots, rows, accumulate: false);
            for (var q = 0; q < m; q++)
            {
                var self = queries[start + q];
                var dotRow = dots.AsSpan(q * rows, rows);
                var count = 0;
                for (var j = 0; j < rows; j++)
                {
                    if (j != self)
                    {
                        Insert(candidates, keys, ref count, j, squaredNorms[j] - 2 * dotRow[j]);
                    }
                }

                var query = samples.Slice(self * columns, columns);
                candidates.CopyTo(shortlisted, 0);
                Array.Sort(shortlisted);
                count = 0;
                foreach (var j in shortlisted)
                {
                    Insert(candidates, keys, ref count, j, TensorPrimitives.Distance(query, samples.Slice(j * columns, columns)));
                }

                candidates.AsSpan(0, k).CopyTo(result.AsSpan((start + q) * k, k));
            }
        }

        return result;
    }

    /// <summary>
    /// Keeps the best (smallest key) items in ascending order in a bounded buffer; an item equal
    /// to the worst kept one does not displace it, so earlier (lower) indices win ties when items
    /// arrive in index order.
    /// </summary>
    private static void Insert(int[] items, float[] keys, ref int count, int item, float key)
    {
        if (count == items.Length && !(key < keys[count - 1]))
        {
            return;
        }

        var position = count < items.Length ? count++ : count - 1;
        while (position > 0 && key < keys[position - 1])
        {
            items[position] = items[position - 1];
            keys[position] = keys[position - 1];
            position--;
        }

        items[position] = item;
        keys[position] = key;
    }
}
