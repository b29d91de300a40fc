namespace GanAugment.Tensors;

/// <summary>Shape arithmetic shared by ops and kernels: sizes, axes, NumPy broadcasting.</summary>
public static class ShapeUtil
{
    public static int Numel(ReadOnlySpan<int> shape)
    {
        long n = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException($"negative dimension {d} in shape");
            n *= d;
            if (n > int.MaxValue) throw new ArgumentException("tensor has more than 2^31-1 elements");
        }
        return (int)n;
    }

    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    public static bool SameShape(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceEqual(b);

    /// <summary>Maps a possibly negative axis to 0..rank-1 (PyTorch convention).</summary>
    public static int Axis(int axis, int rank)
    {
        var a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new ArgumentOutOfRangeException(nameof(axis), $"axis {axis} is out of range for a tensor of rank {rank}");
        return a;
    }

    /// <summary>The NumPy broadcast of two shapes; throws naming both when they are incompatible.</summary>
    public static int[] Broadcast(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            var db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"shapes {Format(a)} and {Format(b)} cannot be broadcast together");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>Row-major strides of <paramref name="shape"/>.</summary>
    public static int[] Strides(ReadOnlySpan<int> shape)
    {
        var s = new int[shape.Length];
        var acc = 1;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /// <summary>
    /// Strides of a contiguous tensor of shape <paramref name="shape"/> read as if broadcast to
    /// <paramref name="target"/>: 0 on broadcast dimensions.
    /// </summary>
    public static int[] BroadcastStrides(ReadOnlySpan<int> shape, ReadOnlySpan<int> target)
    {
        var own = Strides(shape);
        var s = new int[target.Length];
        var offset = target.Length - shape.Length;
        for (var i = 0; i < target.Length; i++)
        {
            if (i < offset) continue;
            var d = shape[i - offset];
            if (d != target[i] && d != 1)
                throw new ArgumentException($"shape {Format(shape)} cannot be broadcast to {Format(target)}");
            s[i] = d == 1 && target[i] != 1 ? 0 : own[i - offset];
        }
        return s;
    }

    /// <summary>Resolves one -1 entry of a reshape target against the element count.</summary>
    public static int[] InferReshape(ReadOnlySpan<int> shape, int numel)
    {
        var result = shape.ToArray();
        var infer = -1;
        long known = 1;
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i] == -1)
            {
                if (infer >= 0) throw new ArgumentException("only one dimension can be -1 in a reshape");
                infer = i;
            }
            else if (result[i] < 0) throw new ArgumentException($"invalid dimension {result[i]} in reshape");
            else known *= result[i];
        }
        if (infer >= 0)
        {
            if (known == 0 || numel % known != 0)
                throw new ArgumentException($"cannot reshape {numel} elements to {Format(shape)}");
            result[infer] = (int)(numel / known);
        }
        else if (known != numel)
            throw new ArgumentException($"cannot reshape {numel} elements to {Format(shape)}");
        return result;
    }
}
