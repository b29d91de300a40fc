namespace GanAugment.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Matrix product op(this)·op(other) for 2-D or batched 3-D tensors; <paramref name="transA"/>
    /// and <paramref name="transB"/> transpose the last two axes without copying.
    /// </summary>
    public Tensor MatMul(Tensor other, bool transA = false, bool transB = false) => Ops.MatMul.Apply(this, other, transA, transB);
}
