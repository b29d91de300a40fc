using System.Numerics.Tensors;

namespace GanAugment.Tensors.Ops;

/// <summary>Clamps x to [min, max]; the gradient passes where x is inside (a constant mask).</summary>
internal static class Clamp
{
    public static Tensor Apply(Tensor x, float min, float max)
    {
        if (min > max) throw new ArgumentException($"clamp min {min} is above max {max}");
        var y = ElementwiseForward.Unary(x, (a, d) =>
        {
            TensorPrimitives.Max(a, min, d);
            TensorPrimitives.Min(d, max, d);
        });
        return Graph.Record(y, "clamp", [x], gy =>
        {
            var inside = ElementwiseForward.Unary(x, (a, d) =>
            {
                for (var i = 0; i < a.Length; i++) d[i] = a[i] >= min && a[i] <= max ? 1f : 0f;
            });
            return [gy * inside];
        });
    }
}
