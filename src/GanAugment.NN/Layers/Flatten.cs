using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>[N, d1, d2, ...] to [N, d1·d2·...] (dimensions from <see cref="StartDim"/> on are joined).</summary>
public sealed class Flatten : Module<Tensor, Tensor>
{
    public Flatten(int startDim = 1) => StartDim = startDim;

    public int StartDim { get; }

    public override Tensor Forward(Tensor input) => input.Flatten(StartDim);
}
