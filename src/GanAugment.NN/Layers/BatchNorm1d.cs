using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>Batch normalisation of [N, C] or [N, C, L] per feature C (see <see cref="BatchNorm"/>).</summary>
public sealed class BatchNorm1d : BatchNorm
{
    public BatchNorm1d(int numFeatures, float eps = 1e-5f, float momentum = 0.1f, bool affine = true, bool trackRunningStats = true)
        : base(numFeatures, eps, momentum, affine, trackRunningStats) { }

    protected override void CheckInput(Tensor input)
    {
        if (input.Rank is not (2 or 3)) throw new ArgumentException($"BatchNorm1d expects [N, C] or [N, C, L], got shape {ShapeUtil.Format(input.Shape)}");
    }
}
