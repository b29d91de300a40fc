using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// Inverted dropout: in training zeroes each element with probability <see cref="P"/> and scales
/// the rest by 1/(1-p); the identity in evaluation. The masks are drawn from the <see cref="Rng"/>
/// given at construction itself (not a split of it), so a model that checkpoints that stream
/// resumes its dropout masks exactly.
/// </summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    private readonly Rng _rng;

    public Dropout(Rng rng, float p = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (!(p >= 0f && p <= 1f)) throw new ArgumentOutOfRangeException(nameof(p), $"dropout probability must be in [0, 1], got {p}");
        _rng = rng;
        P = p;
    }

    public float P { get; }

    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, Training, _rng);
}
