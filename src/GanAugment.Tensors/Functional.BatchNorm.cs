namespace GanAugment.Tensors;

public static partial class Functional
{
    /// <summary>
    /// Batch normalisation of x [N, C, ...] with its own statistics (Ioffe and Szegedy 2015,
    /// https://arxiv.org/abs/1502.03167): per channel C, μ and the biased σ² over every other
    /// axis, y = (x − μ)/√(σ² + eps)·weight + bias (weight and bias [C] or null). The batch mean
    /// and biased variance are written to <paramref name="batchMean"/> and
    /// <paramref name="batchVariance"/> ([C] each) for running statistics. Fused forward and
    /// backward kernels; differentiable any number of times.
    /// </summary>
    public static Tensor BatchNormTraining(Tensor x, Tensor? weight, Tensor? bias, float eps, Span<float> batchMean, Span<float> batchVariance)
    {
        ArgumentNullException.ThrowIfNull(x);
        var (n, c, s) = Ops.BatchNorm.View(x);
        if (n * s <= 1) throw new ArgumentException($"batch norm in training needs more than one value per channel, got input shape {ShapeUtil.Format(x.Shape)}");
        if (!(eps >= 0f)) throw new ArgumentOutOfRangeException(nameof(eps), $"batch norm eps must not be negative, got {eps}");
        CheckChannels(weight, c, "weight");
        CheckChannels(bias, c, "bias");
        if (batchMean.Length != c || batchVariance.Length != c)
            throw new ArgumentException($"batch norm statistics of {batchMean.Length} and {batchVariance.Length} floats for {c} channels");
        return Ops.BatchNorm.Apply(x, weight, bias, eps, batchMean, batchVariance);

        static void CheckChannels(Tensor? t, int c, string what)
        {
            if (t is not null && (t.Rank != 1 || t.Size(0) != c))
                throw new ArgumentException($"batch norm {what} of shape {ShapeUtil.Format(t.Shape)} does not match {c} channels");
        }
    }
}
