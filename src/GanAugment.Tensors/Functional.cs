namespace GanAugment.Tensors;

/// <summary>Functional forms of the layers' computations (PyTorch <c>torch.nn.functional</c>).</summary>
public static partial class Functional
{
    /// <summary>y = x·Wᵀ + b for x [..., in], W [out, in], b [out].</summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null)
    {
        if (weight.Rank != 2) throw new ArgumentException($"linear weight must be [out, in], got {ShapeUtil.Format(weight.Shape)}");
        var input = x.Rank == 2 ? x : x.Reshape(-1, x.Size(-1));
        var y = input.MatMul(weight, transB: true);
        if (bias is not null) y += bias;
        if (x.Rank == 2) return y;
        var shape = x.ShapeArray;
        shape[^1] = weight.Size(0);
        return y.Reshape(shape);
    }
}
