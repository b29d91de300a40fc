using System.Text;

namespace GanAugment.Tensors;

/// <summary>
/// A float32 tensor: a shape plus contiguous row-major storage, with the autograd fields of
/// PyTorch (<see cref="RequiresGrad"/>, <see cref="Grad"/>, the node that made it). Reshape views
/// share storage; every other op writes a new tensor, so a tensor's values never change under
/// the graph (optimizers update parameters in place, outside any graph).
/// </summary>
public partial class Tensor
{
    private readonly int[] _shape;

    internal Tensor(float[] storage, int[] shape)
    {
        _shape = shape;
        Numel = ShapeUtil.Numel(shape);
        if (storage.Length < Numel)
            throw new ArgumentException($"storage of {storage.Length} floats is too small for shape {ShapeUtil.Format(shape)}");
        Storage = storage;
    }

    /// <summary>The backing floats; only the first <see cref="Numel"/> belong to this tensor.</summary>
    internal float[] Storage { get; }

    /// <summary>The node of the graph that produced this tensor, or null for a leaf.</summary>
    internal Node? GradFn { get; set; }

    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The shape as a fresh array (safe to keep or modify).</summary>
    public int[] ShapeArray => (int[])_shape.Clone();

    internal int[] ShapeRef => _shape;

    public int Rank => _shape.Length;

    public int Numel { get; }

    /// <summary>Whether gradients flow to this tensor. Only leaves may be switched by the user.</summary>
    public bool RequiresGrad { get; private set; }

    /// <summary>The accumulated gradient of a leaf after <see cref="Backward"/>.</summary>
    public Tensor? Grad { get; set; }

    public bool IsLeaf => GradFn is null;

    /// <summary>Size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public int Size(int dim) => _shape[ShapeUtil.Axis(dim, Rank)];

    /// <summary>The tensor's values, writable. Writing to a tensor used in a live graph corrupts it.</summary>
    public Span<float> AsSpan() => Storage.AsSpan(0, Numel);

    public float[] ToArray() => AsSpan().ToArray();

    /// <summary>The single value of a one-element tensor.</summary>
    public float Item()
    {
        if (Numel != 1) throw new InvalidOperationException($"Item() needs a one-element tensor, this one has shape {ShapeUtil.Format(_shape)}");
        return Storage[0];
    }

    /// <summary>Marks a leaf as trainable (or not); returns this tensor for chaining.</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        if (!IsLeaf) throw new InvalidOperationException("RequiresGrad can only be set on a leaf tensor; use Detach() first");
        RequiresGrad = requiresGrad;
        return this;
    }

    internal void MarkRequiresGrad() => RequiresGrad = true;

    /// <summary>A tensor sharing this one's storage, cut from the graph.</summary>
    public Tensor Detach() => new(Storage, _shape);

    /// <summary>A copy with its own storage, cut from the graph.</summary>
    public Tensor Clone()
    {
        var t = new Tensor(TensorBuffer.Allocate(Numel, zeroed: false), _shape);
        AsSpan().CopyTo(t.AsSpan());
        return t;
    }

    /// <summary>A copy in storage that no <see cref="TensorPool"/> scope will reclaim.</summary>
    internal Tensor ClonePersistent()
    {
        var t = new Tensor(TensorBuffer.AllocatePersistent(Numel, zeroed: false), _shape);
        AsSpan().CopyTo(t.AsSpan());
        return t;
    }

    /// <summary>Backpropagates from this scalar (or with <paramref name="gradient"/>) into the leaves' <see cref="Grad"/>.</summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false, bool createGraph = false) =>
        Autograd.Backward(this, gradient, retainGraph, createGraph);

    public override string ToString()
    {
        var sb = new StringBuilder("Tensor").Append(ShapeUtil.Format(_shape)).Append(' ');
        var n = Math.Min(Numel, 8);
        sb.Append('[');
        for (var i = 0; i < n; i++) sb.Append(i > 0 ? ", " : "").Append(Storage[i].ToString("G6", System.Globalization.CultureInfo.InvariantCulture));
        if (Numel > n) sb.Append(", ...");
        sb.Append(']');
        if (GradFn is { } fn) sb.Append(" grad_fn=").Append(fn.Name);
        else if (RequiresGrad) sb.Append(" requires_grad");
        return sb.ToString();
    }
}
