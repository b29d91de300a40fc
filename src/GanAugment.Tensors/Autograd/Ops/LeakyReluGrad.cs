using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// The gradient of leaky ReLU: gy where x &gt; 0, else slope·gy. It is linear in gy with a mask
/// that is constant in x, so its own gradient is itself applied to the incoming gradient, and x
/// (through the mask) gets none. NOTE: a primitive for speed (one pass instead of a mask and a multiply).
/// </summary>
internal static class LeakyReluGrad
{
    public static Tensor Apply(Tensor gy, Tensor x, float slope)
    {
        var gx = Tensor.Empty(gy.ShapeRef);
        ActivationKernels.LeakyReluBackward(gy.AsSpan(), x.AsSpan(), slope, gx.AsSpan());
        return Graph.Record(gx, slope == 0 ? "relu_grad" : "leaky_relu_grad", [gy], u => [Apply(u, x, slope)]);
    }
}
