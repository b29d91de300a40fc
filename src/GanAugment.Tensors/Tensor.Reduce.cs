using GanAugment.Tensors.Ops;

namespace GanAugment.Tensors;

// Reductions and the normalising functions built from them.
public partial class Tensor
{
    /// <summary>Sum of all elements (a scalar).</summary>
    public Tensor Sum() => Ops.Sum.Apply(this, [], keepDim: false);

    public Tensor Sum(int axis, bool keepDim = false) => Ops.Sum.Apply(this, [axis], keepDim);

    public Tensor Sum(int[] axes, bool keepDim = false) => Ops.Sum.Apply(this, axes, keepDim);

    public Tensor Mean() => Sum() * (1f / Math.Max(1, Numel));

    public Tensor Mean(int axis, bool keepDim = false) => Mean([axis], keepDim);

    public Tensor Mean(int[] axes, bool keepDim = false) => Sum(axes, keepDim) * (1f / CountOver(axes));

    public Tensor Max() => Ops.Max.Apply(this, [], keepDim: false);

    public Tensor Max(int axis, bool keepDim = false) => Ops.Max.Apply(this, [axis], keepDim);

    /// <summary>Variance over axes; <paramref name="unbiased"/> divides by n-1 as PyTorch's default.</summary>
    public Tensor Var(int[] axes, bool keepDim = false, bool unbiased = true)
    {
        var n = CountOver(axes);
        var centered = this - Mean(axes, keepDim: true);
        return centered.Square().Sum(axes, keepDim) * (1f / Math.Max(1, unbiased ? n - 1 : n));
    }

    public Tensor Var(int axis, bool keepDim = false, bool unbiased = true) => Var([axis], keepDim, unbiased);

    /// <summary>log Σ exp(x) along an axis, shifted by the (detached) maximum for stability.</summary>
    public Tensor LogSumExp(int axis, bool keepDim = false)
    {
        Tensor m;
        using (Autograd.NoGrad()) m = Max(axis, keepDim: true);
        var s = (this - m).Exp().Sum(axis, keepDim: true).Log() + m;
        return keepDim ? s : s.Squeeze(axis);
    }

    public Tensor LogSoftmax(int axis) => this - LogSumExp(axis, keepDim: true);

    public Tensor Softmax(int axis)
    {
        Tensor m;
        using (Autograd.NoGrad()) m = Max(axis, keepDim: true);
        var e = (this - m).Exp();
        return e / e.Sum(axis, keepDim: true);
    }

    /// <summary>Sums this gradient-shaped tensor down to <paramref name="shape"/> (reverse broadcasting).</summary>
    public Tensor SumTo(int[] shape) => Ops.Expand.SumTo(this, shape);

    private int CountOver(int[] axes)
    {
        if (axes.Length == 0) return Numel;
        var n = 1;
        foreach (var a in axes) n *= ShapeRef[ShapeUtil.Axis(a, Rank)];
        return n;
    }
}
