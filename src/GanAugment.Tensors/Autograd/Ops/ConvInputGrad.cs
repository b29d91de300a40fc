using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// The input gradient of a conv: gx = Σ over taps of gy scattered through w (col2im of Wᵀ·gy).
/// It is also the forward of ConvTranspose2d. Backward: d/dgy = conv(·, w), d/dw = weight grad.
/// </summary>
internal static class ConvInputGrad
{
    public static Tensor Apply(Tensor gy, Tensor w, ConvGeometry g)
    {
        var gx = Tensor.Empty([g.Batch, g.InChannels, g.InHeight, g.InWidth]);
        FlopCounter.Add((long)g.Flops);
        Conv2dKernels.InputGrad(gy.AsSpan(), w.AsSpan(), gx.AsSpan(), in g);
        return Graph.Record(gx, "conv2d_input_grad", [gy, w], u => [
            Graph.Wants(gy) ? Conv2d.Apply(u, w, g) : null,
            Graph.Wants(w) ? ConvWeightGrad.Apply(u, gy, g) : null]);
    }
}
