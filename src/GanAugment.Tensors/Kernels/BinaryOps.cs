using System.Numerics.Tensors;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// A binary element-wise operation in the three span forms TensorPrimitives offers
/// (vector∘vector, scalar∘vector, vector∘scalar), so broadcast loops stay vectorised.
/// </summary>
internal interface IBinaryOp
{
    static abstract void VV(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d);
    static abstract void SV(float a, ReadOnlySpan<float> b, Span<float> d);
    static abstract void VS(ReadOnlySpan<float> a, float b, Span<float> d);
}

internal readonly struct AddOp : IBinaryOp
{
    public static void VV(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Add(a, b, d);
    public static void SV(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Add(b, a, d);
    public static void VS(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Add(a, b, d);
}

internal readonly struct SubOp : IBinaryOp
{
    public static void VV(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Subtract(a, b, d);
    public static void SV(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Subtract(a, b, d);
    public static void VS(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Subtract(a, b, d);
}

internal readonly struct MulOp : IBinaryOp
{
    public static void VV(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Multiply(a, b, d);
    public static void SV(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Multiply(b, a, d);
    public static void VS(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Multiply(a, b, d);
}

internal readonly struct DivOp : IBinaryOp
{
    public static void VV(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Divide(a, b, d);
    public static void SV(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Divide(a, b, d);
    public static void VS(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Divide(a, b, d);
}

internal readonly struct MaxOp : IBinaryOp
{
    public static void VV(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Max(a, b, d);
    public static void SV(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Max(b, a, d);
    public static void VS(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Max(a, b, d);
}

/// <summary>1 where a &gt; b, else 0.</summary>
internal readonly struct GreaterOp : IBinaryOp
{
    public static void VV(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d)
    {
        for (var i = 0; i < d.Length; i++) d[i] = a[i] > b[i] ? 1f : 0f;
    }
    public static void SV(float a, ReadOnlySpan<float> b, Span<float> d)
    {
        for (var i = 0; i < d.Length; i++) d[i] = a > b[i] ? 1f : 0f;
    }
    public static void VS(ReadOnlySpan<float> a, float b, Span<float> d)
    {
        for (var i = 0; i < d.Length; i++) d[i] = a[i] > b ? 1f : 0f;
    }
}

/// <summary>1 where a == b, else 0.</summary>
internal readonly struct EqualOp : IBinaryOp
{
    public static void VV(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d)
    {
        for (var i = 0; i < d.Length; i++) d[i] = a[i] == b[i] ? 1f : 0f;
    }
    public static void SV(float a, ReadOnlySpan<float> b, Span<float> d)
    {
        for (var i = 0; i < d.Length; i++) d[i] = a == b[i] ? 1f : 0f;
    }
    public static void VS(ReadOnlySpan<float> a, float b, Span<float> d)
    {
        for (var i = 0; i < d.Length; i++) d[i] = a[i] == b ? 1f : 0f;
    }
}

/// <summary>Copies the second operand (used to broadcast a tensor to a larger shape).</summary>
internal readonly struct SecondOp : IBinaryOp
{
    public static void VV(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) => b.CopyTo(d);
    public static void SV(float a, ReadOnlySpan<float> b, Span<float> d) => b.CopyTo(d);
    public static void VS(ReadOnlySpan<float> a, float b, Span<float> d) => d.Fill(b);
}
