using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.NN.Tests.Optim;

public class AdamKernelTests
{
    [Theory]
    [InlineData(false, false, 0.0)]
    [InlineData(false, false, 0.1)]
    [InlineData(true, false, 0.1)]
    [InlineData(false, true, 0.0)]
    public void OnePassGivesTheBitsOfTheMultiPassFormula(bool decoupled, bool amsgrad, double weightDecay)
    {
        // 70 001 floats: several vectors, a scalar tail, and more than one chunk on two threads.
        const int n = 70_001;
        var rng = new Rng(3);
        var p = Tensor.Randn(rng, [n]);
        var reference = p.ToArray();
        var optimizer = decoupled
            ? new AdamW([new Parameter(p)], lr: 2e-3, beta1: 0.5, weightDecay: weightDecay, amsgrad: amsgrad)
            : new Adam([new Parameter(p)], lr: 2e-3, beta1: 0.5, weightDecay: weightDecay, amsgrad: amsgrad);
        var param = (Parameter)optimizer.Parameters[0];
        var (m, v, vmax) = (new float[n], new float[n], new float[n]);
        for (var t = 1; t <= 3; t++)
        {
            var g = Tensor.Randn(rng, [n]);
            param.Grad = g;
            optimizer.Step();
            MultiPass(reference, g.ToArray(), m, v, vmax, t, 2e-3, 0.5, 0.999, 1e-8, weightDecay, decoupled, amsgrad);
        }
        Assert.Equal(reference, param.ToArray());
    }

    /// <summary>Adam as a sequence of whole-array passes (the form before fusion).</summary>
    private static void MultiPass(float[] param, float[] grad, float[] m, float[] v, float[] vmax, int step,
        double lr, double beta1, double beta2, double eps, double weightDecay, bool decoupled, bool amsgrad)
    {
        var n = param.Length;
        ReadOnlySpan<float> g = grad;
        if (weightDecay != 0)
        {
            if (decoupled) TensorPrimitives.Multiply(param, (float)(1 - lr * weightDecay), param);
            else
            {
                var decayed = new float[n];
                TensorPrimitives.MultiplyAdd(param, (float)weightDecay, grad, decayed);
                g = decayed;
            }
        }
        var work = new float[n];
        TensorPrimitives.Multiply(m, (float)beta1, m);
        TensorPrimitives.MultiplyAdd(g, (float)(1 - beta1), m, m);
        TensorPrimitives.Multiply(v, (float)beta2, v);
        TensorPrimitives.Multiply(g, (float)(1 - beta2), work);
        TensorPrimitives.MultiplyAdd(work, g, v, v);
        Span<float> second = v;
        if (amsgrad)
        {
            second = vmax;
            TensorPrimitives.Max(second, v, second);
        }
        var bc1 = 1 - Math.Pow(beta1, step);
        var bc2 = 1 - Math.Pow(beta2, step);
        TensorPrimitives.Sqrt(second, work);
        TensorPrimitives.Divide(work, (float)Math.Sqrt(bc2), work);
        TensorPrimitives.Add(work, (float)eps, work);
        TensorPrimitives.Divide(m, work, work);
        TensorPrimitives.MultiplyAdd(work, (float)(-lr / bc1), param, param);
    }
}
