using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// C = op(A)·op(B) for 2-D or batched 3-D operands (a 2-D operand is shared by every batch),
/// op being an optional transpose that is read in place by the GEMM packing, never copied.
/// Backward: dop(A) = G·op(B)ᵀ and dop(B) = op(A)ᵀ·G, themselves transposed matmuls.
/// </summary>
internal static class MatMul
{
    public static Tensor Apply(Tensor a, Tensor b, bool transA, bool transB)
    {
        if (a.Rank is < 2 or > 3 || b.Rank is < 2 or > 3)
            throw new ArgumentException($"matmul needs 2-D or 3-D operands, got {ShapeUtil.Format(a.Shape)} and {ShapeUtil.Format(b.Shape)}");
        int ar = a.Rank, br = b.Rank;
        int m = transA ? a.ShapeRef[ar - 1] : a.ShapeRef[ar - 2];
        int ka = transA ? a.ShapeRef[ar - 2] : a.ShapeRef[ar - 1];
        int kb = transB ? b.ShapeRef[br - 1] : b.ShapeRef[br - 2];
        int n = transB ? b.ShapeRef[br - 2] : b.ShapeRef[br - 1];
        if (ka != kb)
            throw new ArgumentException($"matmul inner sizes differ: {ShapeUtil.Format(a.Shape)}{(transA ? "ᵀ" : "")} · {ShapeUtil.Format(b.Shape)}{(transB ? "ᵀ" : "")}");
        var batchA = ar == 3 ? a.ShapeRef[0] : 0;
        var batchB = br == 3 ? b.ShapeRef[0] : 0;
        if (batchA != 0 && batchB != 0 && batchA != batchB)
            throw new ArgumentException($"matmul batch sizes differ: {batchA} and {batchB}");
        var batch = Math.Max(batchA, batchB);
        var y = batch == 0 ? Tensor.Empty([m, n]) : Tensor.Empty([batch, m, n]);
        FlopCounter.Add(2L * Math.Max(batch, 1) * m * n * ka);
        Gemm.SgemmBatched(transA, transB, Math.Max(batch, 1), m, n, ka,
            a.AsSpan(), batchA == 0 ? 0 : (long)m * ka,
            b.AsSpan(), batchB == 0 ? 0 : (long)ka * n,
            y.AsSpan(), (long)m * n, accumulate: false);
        return Graph.Record(y, "matmul", [a, b], g => [
            Graph.Wants(a) ? (transA ? Apply(b, g, transB, true) : Apply(g, b, false, !transB)).SumTo(a.ShapeRef) : null,
            Graph.Wants(b) ? (transB ? Apply(g, a, true, transA) : Apply(a, g, !transA, false)).SumTo(b.ShapeRef) : null]);
    }
}
