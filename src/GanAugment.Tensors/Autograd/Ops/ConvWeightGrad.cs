using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// The weight gradient of a conv: gw = gy·im2col(x)ᵀ. Backward: d/dx = input grad of gy
/// through the incoming weight-shaped gradient, d/dgy = conv(x, that gradient).
/// </summary>
internal static class ConvWeightGrad
{
    public static Tensor Apply(Tensor x, Tensor gy, ConvGeometry g)
    {
        var gw = Tensor.Empty([g.OutChannels, g.InChannels, g.KernelH, g.KernelW]);
        FlopCounter.Add((long)g.Flops);
        Conv2dKernels.WeightGrad(x.AsSpan(), gy.AsSpan(), gw.AsSpan(), in g);
        return Graph.Record(gw, "conv2d_weight_grad", [x, gy], v => [
            Graph.Wants(x) ? ConvInputGrad.Apply(gy, v, g) : null,
            Graph.Wants(gy) ? Conv2d.Apply(x, v, g) : null]);
    }
}
