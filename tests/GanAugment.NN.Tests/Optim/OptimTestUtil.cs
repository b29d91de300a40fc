using GanAugment.Tensors;

namespace GanAugment.NN.Tests.Optim;

/// <summary>Small helpers for optimizer tests: parameters with set gradients, steps with given gradients.</summary>
internal static class OptimTestUtil
{
    public static Parameter Param(params float[] values) => new(Tensor.FromArray(values));

    /// <summary>Sets the gradient of <paramref name="p"/> and takes one step of <paramref name="optimizer"/>.</summary>
    public static void StepWith(GanAugment.NN.Optim.Optimizer optimizer, Parameter p, params float[] grad)
    {
        p.Grad = Tensor.FromArray(grad, p.ShapeArray);
        optimizer.Step();
    }

    /// <summary>Float32 results against values derived in double.</summary>
    public static void Close(double expected, float actual, double tolerance = 3e-7) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R}");
}
