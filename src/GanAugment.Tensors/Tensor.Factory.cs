namespace GanAugment.Tensors;

public partial class Tensor
{
    /// <summary>A tensor with uninitialised storage, for kernels that overwrite every element.</summary>
    internal static Tensor Empty(int[] shape) => new(TensorBuffer.Allocate(ShapeUtil.Numel(shape), zeroed: false), shape);

    public static Tensor Zeros(params int[] shape) => new(TensorBuffer.Allocate(ShapeUtil.Numel(shape), zeroed: true), (int[])shape.Clone());

    public static Tensor Ones(params int[] shape) => Full(1f, shape);

    public static Tensor Full(float value, params int[] shape)
    {
        var t = Empty((int[])shape.Clone());
        t.AsSpan().Fill(value);
        return t;
    }

    public static Tensor ZerosLike(Tensor t) => Zeros(t.ShapeArray);

    /// <summary>An inverted-dropout mask of the given shape drawn from <paramref name="rng"/> (see <see cref="Rng.FillDropoutMask"/>).</summary>
    public static Tensor DropoutMask(int[] shape, float p, float value, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var t = Empty((int[])shape.Clone());
        rng.FillDropoutMask(t.AsSpan(), p, value);
        return t;
    }

    public static Tensor OnesLike(Tensor t) => Ones(t.ShapeArray);

    /// <summary>A scalar (rank-0) tensor.</summary>
    public static Tensor Scalar(float value) => new([value], []);

    /// <summary>Values start, start+step, ... below end (PyTorch <c>arange</c>).</summary>
    public static Tensor Arange(float start, float end, float step = 1f)
    {
        if (step == 0) throw new ArgumentException("arange step must not be 0");
        var n = (int)Math.Max(0, Math.Ceiling((end - start) / step));
        var t = Empty([n]);
        var s = t.AsSpan();
        for (var i = 0; i < n; i++) s[i] = start + i * step;
        return t;
    }

    /// <summary>A tensor holding a copy of <paramref name="values"/> in the given shape (default: 1-D).</summary>
    public static Tensor FromArray(float[] values, params int[] shape)
    {
        var sh = shape.Length == 0 ? [values.Length] : (int[])shape.Clone();
        if (ShapeUtil.Numel(sh) != values.Length)
            throw new ArgumentException($"{values.Length} values do not fill shape {ShapeUtil.Format(sh)}");
        return new Tensor((float[])values.Clone(), sh);
    }

    /// <summary>Wraps <paramref name="values"/> without copying (the caller gives up the array).</summary>
    public static Tensor Wrap(float[] values, params int[] shape) => new(values, (int[])shape.Clone());

    public static Tensor FromArray(float[,] values)
    {
        var t = Empty([values.GetLength(0), values.GetLength(1)]);
        var s = t.AsSpan();
        var k = 0;
        foreach (var v in values) s[k++] = v;
        return t;
    }

    /// <summary>Samples of N(mean, std²) drawn from <paramref name="rng"/>.</summary>
    public static Tensor Randn(Rng rng, int[] shape, float mean = 0f, float std = 1f)
    {
        var t = Empty((int[])shape.Clone());
        rng.FillNormal(t.AsSpan(), mean, std);
        return t;
    }

    /// <summary>Samples of U[low, high) drawn from <paramref name="rng"/>.</summary>
    public static Tensor Rand(Rng rng, int[] shape, float low = 0f, float high = 1f)
    {
        var t = Empty((int[])shape.Clone());
        rng.FillUniform(t.AsSpan(), low, high);
        return t;
    }
}
