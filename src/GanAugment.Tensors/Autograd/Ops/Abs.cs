using System.Numerics.Tensors;

namespace GanAugment.Tensors.Ops;

/// <summary>|x|. d/dx = sign(x) (0 at 0, as PyTorch), a constant for the second derivative.</summary>
internal static class Abs
{
    public static Tensor Apply(Tensor x)
    {
        var y = ElementwiseForward.Unary(x, TensorPrimitives.Abs);
        return Graph.Record(y, "abs", [x], gy =>
        {
            var sign = ElementwiseForward.Unary(x, static (a, d) =>
            {
                for (var i = 0; i < a.Length; i++) d[i] = a[i] > 0 ? 1f : a[i] < 0 ? -1f : 0f;
            });
            return [gy * sign];
        });
    }
}
