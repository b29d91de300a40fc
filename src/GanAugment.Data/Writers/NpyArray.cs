namespace GanAugment.Data.Writers;

/// <summary>
/// An n-dimensional array as an NPY file holds it: element type, shape (C order, last index
/// fastest) and a flat .NET array of the matching element type (byte[], int[], long[], float[],
/// double[]).
/// </summary>
public sealed class NpyArray
{
    public NpyArray(NpyDType dtype, int[] shape, Array data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetType().GetElementType() != dtype.ElementType() || data.Rank != 1)
            throw new ArgumentException($"data is {data.GetType().Name}, {dtype} needs {dtype.ElementType().Name}[]");
        if (shape.Any(d => d < 0)) throw new ArgumentException($"shape ({string.Join(", ", shape)}) has a negative dimension");
        var count = shape.Aggregate(1L, (n, d) => n * d);
        if (count != data.Length)
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) holds {count} elements, data has {data.Length}");
        DType = dtype;
        Shape = shape;
        Data = data;
    }

    public NpyDType DType { get; }
    public IReadOnlyList<int> Shape { get; }
    public Array Data { get; }
    public int Length => Data.Length;

    /// <summary>An array wrapping <paramref name="data"/> (not copied) with the given shape.</summary>
    public static NpyArray Of<T>(T[] data, params int[] shape) where T : unmanaged => new(NpyDTypes.Of<T>(), shape, data);

    /// <summary>The data as T[]; T must be the element type of <see cref="DType"/>.</summary>
    public T[] Get<T>() where T : unmanaged =>
        Data as T[] ?? throw new InvalidOperationException($"array holds {DType}, not {typeof(T).Name}");

    /// <summary>The elements converted to float (int64 and float64 values may lose precision).</summary>
    public float[] ToSingle() => Data switch
    {
        float[] f => (float[])f.Clone(),
        double[] d => [.. d.Select(v => (float)v)],
        int[] i => [.. i.Select(v => (float)v)],
        long[] l => [.. l.Select(v => (float)v)],
        byte[] b => [.. b.Select(v => (float)v)],
        _ => throw new InvalidOperationException($"unexpected data type {Data.GetType().Name}"),
    };
}
