using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>Nearest-neighbour upsampling of NCHW by an integer factor (PyTorch <c>nn.Upsample(scale_factor, mode="nearest")</c>).</summary>
public sealed class Upsample : Module<Tensor, Tensor>
{
    public Upsample(int scaleFactor)
    {
        if (scaleFactor < 1) throw new ArgumentOutOfRangeException(nameof(scaleFactor), $"upsample scale must be at least 1, got {scaleFactor}");
        ScaleFactor = scaleFactor;
    }

    public int ScaleFactor { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Rank != 4) throw new ArgumentException($"Upsample expects NCHW input, got shape {ShapeUtil.Format(input.Shape)}");
        return input.UpsampleNearest(ScaleFactor);
    }
}
