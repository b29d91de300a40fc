using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors;

/// <summary>
/// A trainable tensor owned by a module (PyTorch <c>nn.Parameter</c>): a leaf that requires grad
/// by default. Modules find their parameters by this type; plain tensor fields are buffers.
/// Optimizers update its values in place.
/// </summary>
public sealed class Parameter : Tensor
{
    // The storage of the gradient a backward pass made for this parameter, the storage of a
    // released gradient waiting to be filled again (see ReleaseGrad), and, while the gradient's
    // storage was handed over by a pool scope and may still be viewed by that scope's graph, the
    // pool and scope: such storage is never written in place.
    private float[]? _madeGradStorage;
    private float[]? _spareGradStorage;
    private TensorPool? _handedOverBy;
    private long _handedOverIn;

    /// <summary>Wraps <paramref name="data"/>'s storage (no copy) as a trainable leaf.</summary>
    public Parameter(Tensor data, bool requiresGrad = true) : base(data.Storage, data.ShapeArray)
    {
        RequiresGrad_(requiresGrad);
    }

    /// <summary>
    /// Sets <see cref="Tensor.Grad"/> to null, as PyTorch's <c>zero_grad(set_to_none=True)</c>, and
    /// keeps the storage of a gradient that a backward pass made so the next backward pass fills
    /// it instead of allocating: steady-state training then allocates no gradient memory
    /// (PyTorch's caching allocator does the same with freed memory). The released tensor must
    /// not be read afterwards; clone it first to keep it. A gradient assigned by hand, or one that
    /// is part of a graph, is only dropped.
    /// </summary>
    public void ReleaseGrad()
    {
        if (Grad is { } g && ReferenceEquals(g.Storage, _madeGradStorage) && g.IsLeaf && !g.RequiresGrad)
            _spareGradStorage = _madeGradStorage;
        _madeGradStorage = null;
        _handedOverBy = null;
        Grad = null;
    }

    /// <summary>
    /// Sets the first gradient of a backward pass to <paramref name="g"/>'s values. NOTE: for
    /// speed, storage that the open pool scope rented for g is taken over instead of copied, the
    /// pool getting the released storage in exchange; otherwise g is copied into released or new
    /// storage. Either way the gradient outlives the scope.
    /// </summary>
    internal void SetFirstGrad(Tensor g)
    {
        var pool = TensorBuffer.Current;
        if (pool is not null && g.Storage.Length == Numel && pool.TryHandOver(g.Storage, _spareGradStorage))
        {
            (_handedOverBy, _handedOverIn) = (pool, pool.ScopeNumber);
            _spareGradStorage = null;
            _madeGradStorage = g.Storage;
            Grad = new Tensor(g.Storage, ShapeRef);
            return;
        }
        var storage = _spareGradStorage ?? TensorBuffer.AllocatePersistent(Numel, zeroed: false);
        _spareGradStorage = null;
        _handedOverBy = null;
        _madeGradStorage = storage;
        Grad = new Tensor(storage, ShapeRef);
        ElementwiseKernels.Copy(g.AsSpan(), Grad.AsSpan());
    }

    /// <summary>
    /// Adds a further gradient: in place, or, while the storage is shared with the pool scope's
    /// graph, into new storage (copy on write) that the pool gives up in exchange for the shared one.
    /// </summary>
    internal void AddGrad(Tensor g)
    {
        var grad = Grad!;
        if (_handedOverBy is not { } lender || !ReferenceEquals(grad.Storage, _madeGradStorage))
        {
            ElementwiseKernels.Binary<AddOp>(grad.AsSpan(), g.AsSpan(), grad.AsSpan());
            return;
        }
        var shared = grad.Storage;
        var storage = TensorBuffer.Allocate(Numel, zeroed: false);
        ElementwiseKernels.Binary<AddOp>(grad.AsSpan(), g.AsSpan(), storage.AsSpan(0, Numel));
        // The shared storage returns to the scope that lent it; storage from another scope is
        // simply given up, since tensors of that scope may still hold it.
        if (TensorBuffer.Current is { } open)
            open.TryHandOver(storage, ReferenceEquals(open, lender) && open.ScopeNumber == _handedOverIn ? shared : null);
        _handedOverBy = null;
        _madeGradStorage = storage;
        Grad = new Tensor(storage, ShapeRef);
    }
}
