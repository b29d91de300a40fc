using GanAugment.Tensors;

namespace GanAugment.NN;

public static partial class NNFunctional
{
    extension(Functional)
    {
        /// <summary>
        /// Layer normalisation (Ba et al. 2016, https://arxiv.org/abs/1607.06450) over the trailing
        /// dimensions <paramref name="normalizedShape"/>: y = (x - μ) / √(σ² + eps) · weight + bias,
        /// with the mean and biased variance of each sample. Twice differentiable (WGAN-GP critics use it
        /// instead of batch norm).
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

            var size = 1;
            foreach (var d in normalizedShape) size *= d;
            var samples = size == 0 ? 0 : x.Numel / size;
            Tensor y;
            if (size > 1 && samples > 0)
            {
                // NOTE: each sample's statistics are batch norm's per-channel statistics of the view
                // [1, samples, size]; its fused kernels (twice differentiable) keep the forward at one
                // full-size tensor where the composed form made six, and the backward likewise: DAGAN's
                // critic, layer norm over 28x28 dense-block maps under a gradient penalty, made most of
                // its step's memory in those.
                var mean = samples <= 256 ? stackalloc float[samples] : new float[samples];
                var variance = samples <= 256 ? stackalloc float[samples] : new float[samples];
                y = Functional.BatchNormTraining(x.Reshape(1, samples, size), null, null, eps, mean, variance).Reshape(x.ShapeArray);
            }
            else
            {
                var axes = Enumerable.Range(x.Rank - k, k).ToArray();
                y = (x - x.Mean(axes, keepDim: true)) / (x.Var(axes, keepDim: true, unbiased: false) + eps).Sqrt();
            }
            if (weight is not null) y = y * weight;
            if (bias is not null) y = y + bias;
            return y;
        }
    }
}
