using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>Comparisons giving constant 0/1 tensors (never part of the graph).</summary>
internal static class Compare
{
    public static Tensor Greater(Tensor a, Tensor b) => ElementwiseForward.Binary<GreaterOp>(a, b);

    public static Tensor Less(Tensor a, Tensor b) => ElementwiseForward.Binary<GreaterOp>(b, a);

    public static Tensor GreaterEqual(Tensor a, Tensor b) => Not(Less(a, b));

    public static Tensor LessEqual(Tensor a, Tensor b) => Not(Greater(a, b));

    public static Tensor Equal(Tensor a, Tensor b) => ElementwiseForward.Binary<EqualOp>(a, b);

    private static Tensor Not(Tensor mask)
    {
        var s = mask.AsSpan();
        for (var i = 0; i < s.Length; i++) s[i] = 1f - s[i];
        return mask;
    }
}
