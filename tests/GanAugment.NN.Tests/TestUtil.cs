using GanAugment.Tensors;

namespace GanAugment.NN.Tests;

/// <summary>Small helpers for writing test tensors and comparing values.</summary>
internal static class TestUtil
{
    /// <summary>Overwrites <paramref name="t"/>'s values (row-major) and returns it.</summary>
    public static T Set<T>(T t, params float[] values) where T : Tensor
    {
        Assert.Equal(t.Numel, values.Length);
        values.CopyTo(t.AsSpan());
        return t;
    }

    public static void Close(double expected, double actual, double tolerance = 1e-5) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:G9}, got {actual:G9}");

    public static void Close(float[] expected, Tensor actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Numel);
        var a = actual.AsSpan();
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - a[i]) <= tolerance, $"element {i}: expected {expected[i]:G9}, got {a[i]:G9}");
    }

    /// <summary>A seeded N(0, 1) tensor that requires grad.</summary>
    public static Tensor Leaf(int seed, params int[] shape) => Tensor.Randn(new Rng(seed), shape).RequiresGrad_();
}
