using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// Inverted dropout: in training zeroes each element with probability <see cref="P"/> and scales
/// the rest by 1/(1-p); the identity in evaluation. The masks come from a stream split off the
/// <see cref="Rng"/> given at construction, so a seed repeats them.
/// </summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    private readonly Rng _rng;

    public Dropout(Rng rng, float p = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (!(p >= 0f && p <= 1f)) throw new ArgumentOutOfRangeException(nameof(p), $"dropout probability must be in [0, 1], got {p}");
        _rng = rng.Split();
        P = p;
    }

    public float P { get; }

    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, Training, _rng);
}
