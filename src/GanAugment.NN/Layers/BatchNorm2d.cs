using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>Batch normalisation of NCHW per channel (see <see cref="BatchNorm"/>).</summary>
public sealed class BatchNorm2d : BatchNorm
{
    public BatchNorm2d(int numFeatures, float eps = 1e-5f, float momentum = 0.1f, bool affine = true, bool trackRunningStats = true)
        : base(numFeatures, eps, momentum, affine, trackRunningStats) { }

    protected override void CheckInput(Tensor input)
    {
        if (input.Rank != 4) throw new ArgumentException($"BatchNorm2d expects NCHW input, got shape {ShapeUtil.Format(input.Shape)}");
    }
}
