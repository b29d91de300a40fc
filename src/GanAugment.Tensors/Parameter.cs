using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors;

/// <summary>
/// A trainable tensor owned by a module (PyTorch <c>nn.Parameter</c>): a leaf that requires grad
/// by default. Modules find their parameters by this type; plain tensor fields are buffers.
/// Optimizers update its values in place.
/// </summary>
public sealed class Parameter : Tensor
{
    // The storage of the last gradient a backward pass made for this parameter, and the storage
    // of a released gradient waiting to be filled again (see ReleaseGrad).
    private float[]? _madeGradStorage;
    private float[]? _spareGradStorage;

    /// <summary>Wraps <paramref name="data"/>'s storage (no copy) as a trainable leaf.</summary>
    public Parameter(Tensor data, bool requiresGrad = true) : base(data.Storage, data.ShapeArray)
    {
        RequiresGrad_(requiresGrad);
    }

    /// <summary>
    /// Sets <see cref="Tensor.Grad"/> to null, as PyTorch's <c>zero_grad(set_to_none=True)</c>, and
    /// keeps the storage of a gradient that a backward pass made so the next backward pass writes
    /// into it instead of allocating: steady-state training then allocates no gradient memory
    /// (PyTorch's caching allocator does the same with freed memory). The released tensor must
    /// not be read afterwards; clone it first to keep it. A gradient assigned by hand, or one that
    /// is part of a graph, is only dropped.
    /// </summary>
    public void ReleaseGrad()
    {
        if (Grad is { } g && ReferenceEquals(g.Storage, _madeGradStorage) && g.IsLeaf && !g.RequiresGrad)
            _spareGradStorage = _madeGradStorage;
        _madeGradStorage = null;
        Grad = null;
    }

    /// <summary>A plain copy of <paramref name="g"/> as this parameter's new gradient, in released storage when there is some.</summary>
    internal Tensor NewGrad(Tensor g)
    {
        var storage = _spareGradStorage ?? TensorBuffer.AllocatePersistent(Numel, zeroed: false);
        _spareGradStorage = null;
        _madeGradStorage = storage;
        var grad = new Tensor(storage, ShapeRef);
        ElementwiseKernels.Copy(g.AsSpan(), grad.AsSpan());
        return grad;
    }
}
