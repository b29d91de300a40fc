using GanAugment.Tensors;

namespace GanAugment.Tensors.Tests;

/// <summary>
/// Compares autograd gradients with central finite differences. The function's output is
/// projected on fixed random weights to a scalar; differences are accumulated in double.
/// <see cref="SecondOrder"/> does the same for the gradient of Σ v·∂L/∂x (double backward).
/// </summary>
public static class GradCheck
{
    private const float Eps = 1e-2f;

    /// <summary>Asserts that d f(inputs)/d inputs from autograd matches finite differences.</summary>
    public static void FirstOrder(Func<Tensor[], Tensor> f, params Tensor[] inputs) =>
        Compare(Projected(f, inputs, seed: 11), inputs, "first order");

    /// <summary>Asserts the gradient of g(x) = Σ v·∂L/∂x, built with createGraph, against finite differences of g.</summary>
    public static void SecondOrder(Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        var loss = Projected(f, inputs, seed: 11);
        var rng = new Rng(23);
        var vs = inputs.Select(x => Tensor.Randn(rng, x.ShapeArray)).ToArray();
        Tensor G(Tensor[] xs)
        {
            var grads = Autograd.Grad([loss(xs)], xs, createGraph: true);
            Tensor? total = null;
            for (var i = 0; i < xs.Length; i++)
            {
                var term = (grads[i]! * vs[i]).Sum();
                total = total is null ? term : total + term;
            }
            return total!;
        }
        Compare(G, inputs, "second order");
    }

    private static Func<Tensor[], Tensor> Projected(Func<Tensor[], Tensor> f, Tensor[] inputs, int seed)
    {
        Tensor? weights = null;
        return xs =>
        {
            var y = f(xs);
            weights ??= Tensor.Randn(new Rng(seed), y.ShapeArray);
            return (y * weights).Sum();
        };
    }

    private static void Compare(Func<Tensor[], Tensor> scalar, Tensor[] inputs, string what)
    {
        var leaves = inputs.Select(x => x.Detach().Clone().RequiresGrad_()).ToArray();
        var analytic = Autograd.Grad([scalar(leaves)], leaves, allowUnused: true);
        for (var i = 0; i < leaves.Length; i++)
        {
            var x = leaves[i].Detach().Clone();
            var values = x.AsSpan();
            for (var k = 0; k < values.Length; k++)
            {
                var keep = values[k];
                values[k] = keep + Eps;
                var up = Evaluate(scalar, leaves, i, x);
                values[k] = keep - Eps;
                var down = Evaluate(scalar, leaves, i, x);
                values[k] = keep;
                var numeric = (up - down) / (2.0 * Eps);
                var got = analytic[i] is null ? 0.0 : analytic[i]!.AsSpan()[k];
                var tolerance = 2e-2 * Math.Max(1.0, Math.Abs(numeric));
                Assert.True(Math.Abs(got - numeric) <= tolerance,
                    $"{what}: input {i} element {k}: autograd {got:G6} vs finite difference {numeric:G6}");
            }
        }
    }

    private static double Evaluate(Func<Tensor[], Tensor> scalar, Tensor[] leaves, int which, Tensor replaced)
    {
        var xs = leaves.Select((t, j) => j == which ? replaced.Detach().Clone().RequiresGrad_() : t.Detach().Clone().RequiresGrad_()).ToArray();
        return scalar(xs).Item();
    }

    /// <summary>A seeded random input of the given shape, values in about [-1.5, 1.5].</summary>
    public static Tensor Input(int seed, params int[] shape) => Tensor.Randn(new Rng(seed), shape);
}
