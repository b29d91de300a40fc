using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// Layer normalisation over the trailing <see cref="NormalizedShape"/> dimensions with learnable
/// element-wise <see cref="Weight"/> (ones) and <see cref="Bias"/> (zeros). See
/// <c>Functional.LayerNorm</c> for the formula.
/// </summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    private readonly int[] _normalizedShape;

    public LayerNorm(int[] normalizedShape, float eps = 1e-5f, bool elementwiseAffine = true)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        if (normalizedShape.Length == 0 || normalizedShape.Any(d => d < 1))
            throw new ArgumentException($"layer norm shape must be non-empty and positive, got {ShapeUtil.Format(normalizedShape)}");
        if (!(eps > 0f)) throw new ArgumentOutOfRangeException(nameof(eps), $"layer norm eps must be positive, got {eps}");
        _normalizedShape = (int[])normalizedShape.Clone();
        Eps = eps;
        if (elementwiseAffine)
        {
            Weight = new Parameter(Tensor.Ones(normalizedShape));
            Bias = new Parameter(Tensor.Zeros(normalizedShape));
        }
    }

    public LayerNorm(int normalizedShape, float eps = 1e-5f, bool elementwiseAffine = true)
        : this([normalizedShape], eps, elementwiseAffine) { }

    public IReadOnlyList<int> NormalizedShape => _normalizedShape;

    public float Eps { get; }

    public Parameter? Weight { get; }

    public Parameter? Bias { get; }

    public override Tensor Forward(Tensor input) => Functional.LayerNorm(input, _normalizedShape, Weight, Bias, Eps);
}
