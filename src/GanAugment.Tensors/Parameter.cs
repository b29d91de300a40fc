namespace GanAugment.Tensors;

/// <summary>
/// A trainable tensor owned by a module (PyTorch <c>nn.Parameter</c>): a leaf that requires grad
/// by default. Modules find their parameters by this type; plain tensor fields are buffers.
/// Optimizers update its values in place.
/// </summary>
public sealed class Parameter : Tensor
{
    /// <summary>Wraps <paramref name="data"/>'s storage (no copy) as a trainable leaf.</summary>
    public Parameter(Tensor data, bool requiresGrad = true) : base(data.Storage, data.ShapeArray)
    {
        RequiresGrad_(requiresGrad);
    }
}
