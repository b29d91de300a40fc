using GanAugment.Evaluation.Statistics;

namespace GanAugment.Evaluation.Metrics;

/// <summary>
/// Classifier score, the Inception-score formula of Salimans et al., "Improved techniques for
/// training GANs", NeurIPS 2016 (https://arxiv.org/abs/1606.03498), on the class probabilities
/// p(y|x) of a domain classifier: IS = exp(E_x KL(p(y|x) ‖ p(y))), with p(y) the mean of p(y|x)
/// over the set. It runs from 1 (every prediction equals the marginal) to C (confident and
/// balanced over C classes).
/// </summary>
public static class ClassifierScore
{
    // NOTE: softmax rows sum to 1 within float rounding; a looser sum means the caller passed
    // logits or unnormalised scores, which would give a meaningless score.
    private const double RowSumTolerance = 1e-3;

    /// <summary>The score of an n×C row-major probability matrix.</summary>
    /// <exception cref="ArgumentException">A length mismatch, or a row that is not a probability distribution.</exception>
    public static double Compute(ReadOnlySpan<float> probabilities, int rows, int classes)
    {
        Check(probabilities, rows, classes, 1);
        return ScoreOf(probabilities, rows, classes);
    }

    /// <summary>
    /// The score of each of <paramref name="splits"/> consecutive groups of rows (sizes differ by
    /// at most one; the original code drops the remainder instead), summarised as mean and
    /// sample standard deviation. NOTE: the original code reports the population standard
    /// deviation; multiply by √((k − 1)/k) to compare.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Compute(ReadOnlySpan{float}, int, int)"/>, or more splits than rows.</exception>
    public static Summary Compute(ReadOnlySpan<float> probabilities, int rows, int classes, int splits)
    {
        Check(probabilities, rows, classes, splits);
        var scores = new double[splits];
        for (var k = 0; k < splits; k++)
        {
            var start = (int)((long)rows * k / splits);
            var end = (int)((long)rows * (k + 1) / splits);
            scores[k] = ScoreOf(probabilities[(start * classes)..(end * classes)], end - start, classes);
        }

        return Summary.Of(scores);
    }

    private static double ScoreOf(ReadOnlySpan<float> probabilities, int rows, int classes)
    {
        var marginal = new double[classes];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < classes; c++)
            {
                marginal[c] += probabilities[r * classes + c];
            }
        }

        for (var c = 0; c < classes; c++)
        {
            marginal[c] /= rows;
        }

        var klSum = 0.0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < classes; c++)
            {
                double p = probabilities[r * classes + c];
                // 0·log 0 = 0; p > 0 implies marginal[c] > 0.
                if (p > 0)
                {
                    klSum += p * (Math.Log(p) - Math.Log(marginal[c]));
                }
            }
        }

        return Math.Exp(klSum / rows);
    }

    private static void Check(ReadOnlySpan<float> probabilities, int rows, int classes, int splits)
    {
        if (rows < 1 || classes < 1)
        {
            throw new ArgumentException($"ClassifierScore: need at least one row and one class, got {rows}x{classes}.");
        }

        if (probabilities.Length != (long)rows * classes)
        {
            throw new ArgumentException($"ClassifierScore: {rows}x{classes} probabilities need {(long)rows * classes} values, got {probabilities.Length}.");
        }

        if (splits < 1 || splits > rows)
        {
            throw new ArgumentException($"ClassifierScore: {splits} splits for {rows} rows; need 1 to {rows}.");
        }

        for (var r = 0; r < rows; r++)
        {
            var sum = 0.0;
            foreach (var p in probabilities.Slice(r * classes, classes))
            {
                if (!(p >= 0 && p <= 1))
                {
                    throw new ArgumentException($"ClassifierScore: row {r} holds {p}, not a probability.");
                }

                sum += p;
            }

            if (Math.Abs(sum - 1) > RowSumTolerance)
            {
                throw new ArgumentException($"ClassifierScore: row {r} sums to {sum}, not 1 (pass softmax probabilities, not logits).");
            }
        }
    }
}
