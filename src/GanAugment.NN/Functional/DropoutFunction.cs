using GanAugment.Tensors;

namespace GanAugment.NN;

public static partial class NNFunctional
{
    extension(Functional)
    {
        /// <summary>
        /// Inverted dropout (Srivastava et al. 2014, https://jmlr.org/papers/v15/srivastava14a.html):
        /// in training each element is zeroed with probability <paramref name="p"/> and the survivors
        /// are scaled by 1/(1-p), so evaluation is the identity. The mask is a constant drawn from
        /// <paramref name="rng"/>, so the result is differentiable any number of times.
        /// </summary>
        public static Tensor Dropout(Tensor x, float p, bool training, Rng rng)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(rng);
            if (!(p >= 0f && p <= 1f)) throw new ArgumentOutOfRangeException(nameof(p), $"dropout probability must be in [0, 1], got {p}");
            if (!training || p == 0f) return x;
            var mask = p < 1f ? Tensor.DropoutMask(x.ShapeArray, p, 1f / (1f - p), rng) : Tensor.Zeros(x.ShapeArray);
            return x * mask;
        }
    }
}
