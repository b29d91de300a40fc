using GanAugment.Tensors;

namespace GanAugment.NN;

public static partial class NNFunctional
{
    extension(Functional)
    {
        /// <summary>
        /// Layer normalisation (Ba et al. 2016, https://arxiv.org/abs/1607.06450) over the trailing
        /// dimensions <paramref name="normalizedShape"/>: y = (x - μ) / √(σ² + eps) · weight + bias,
        /// with the mean and biased variance of each sample. Composed from tensor ops, so it is twice
        /// differentiable (WGAN-GP critics use it instead of batch norm).
        /// </summary>
        public static Tensor LayerNorm(Tensor x, int[] normalizedShape, Tensor? weight = null, Tensor? bias = null, float eps = 1e-5f)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(normalizedShape);
            var k = normalizedShape.Length;
            if (k == 0 || k > x.Rank || !x.Shape[^k..].SequenceEqual(normalizedShape))
                throw new ArgumentException($"layer norm over {ShapeUtil.Format(normalizedShape)} does not fit the trailing dimensions of an input of shape {ShapeUtil.Format(x.Shape)}");
            if (weight is not null && !weight.Shape.SequenceEqual(normalizedShape))
                throw new ArgumentException($"layer norm weight of shape {ShapeUtil.Format(weight.Shape)} does not match {ShapeUtil.Format(normalizedShape)}");
            if (bias is not null && !bias.Shape.SequenceEqual(normalizedShape))
                throw new ArgumentException($"layer norm bias of shape {ShapeUtil.Format(bias.Shape)} does not match {ShapeUtil.Format(normalizedShape)}");

            var axes = Enumerable.Range(x.Rank - k, k).ToArray();
            var mean = x.Mean(axes, keepDim: true);
            var variance = x.Var(axes, keepDim: true, unbiased: false);
            var y = (x - mean) / (variance + eps).Sqrt();
            if (weight is not null) y = y * weight;
            if (bias is not null) y = y + bias;
            return y;
        }
    }
}
