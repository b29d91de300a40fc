using GanAugment.Tensors;

namespace GanAugment.NN.Tests;

/// <summary>
/// The one finite-difference gradient check of the NN tests. <c>f</c> is a closure over the
/// tensors to check (inputs and module parameters, leaves that require grad); its output is
/// projected on fixed seeded weights r to the scalar Σ r·f. Each element is perturbed in place by
/// ±h and the central difference, accumulated in double, is compared with autograd.
/// <see cref="SecondOrder"/> checks the gradient of the gradient norm ‖∂(Σ r·f)/∂x‖², as the
/// WGAN-GP penalty needs (double backward).
/// </summary>
internal static class GradCheck
{
    /// <summary>Asserts d(Σ r·f)/d(wrt) against central differences.</summary>
    public static void FirstOrder(Func<Tensor> f, params Tensor[] wrt) => AssertNone(Failures(f, wrt));

    /// <summary>Asserts d‖∂(Σ r·f)/∂x‖²/d(wrt) (autograd through double backward) against central differences.</summary>
    public static void SecondOrder(Func<Tensor> f, Tensor x, params Tensor[] wrt) => AssertNone(Failures(GradNormSquared(f, x), wrt));

    /// <summary>‖∂(Σ r·f)/∂x‖² built with createGraph, so it can be differentiated again.</summary>
    public static Func<Tensor> GradNormSquared(Func<Tensor> f, Tensor x)
    {
        var projected = new Projection(f, seed: 101);
        return () => Autograd.Grad([projected.Scalar()], [x], createGraph: true)[0]!.Square().Sum();
    }

    /// <summary>The elements where autograd and finite differences disagree, as messages.</summary>
    public static List<string> Failures(Func<Tensor> f, Tensor[] wrt, float h = 1e-2f, double atol = 2e-3, double rtol = 2e-2)
    {
        foreach (var t in wrt)
            if (!t.IsLeaf || !t.RequiresGrad) throw new ArgumentException("GradCheck needs leaves that require grad");
        var projected = new Projection(f, seed: 7);
        var analytic = Autograd.Grad([projected.Scalar()], wrt, allowUnused: true);
        var failures = new List<string>();
        for (var i = 0; i < wrt.Length; i++)
        {
            var values = wrt[i].AsSpan();
            for (var k = 0; k < values.Length; k++)
            {
                var keep = values[k];
                values[k] = keep + h;
                var up = projected.ScalarInDouble();
                values[k] = keep - h;
                var down = projected.ScalarInDouble();
                values[k] = keep;
                var numeric = (up - down) / (2.0 * h);
                var got = analytic[i] is { } g ? g.AsSpan()[k] : 0.0;
                if (!(Math.Abs(got - numeric) <= atol + rtol * Math.Abs(numeric)))
                    failures.Add($"tensor {i} element {k}: autograd {got:G6}, finite difference {numeric:G6}");
            }
        }
        return failures;
    }

    private static void AssertNone(List<string> failures) =>
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));

    /// <summary>f projected on fixed weights r, drawn once (seeded) from the output's shape.</summary>
    private sealed class Projection(Func<Tensor> f, int seed)
    {
        private Tensor? _weights;

        private Tensor Weights(Tensor y) => _weights ??= Tensor.Randn(new Rng(seed), y.ShapeArray);

        /// <summary>Σ r·f as a tensor, for autograd.</summary>
        public Tensor Scalar()
        {
            var y = f();
            return (y * Weights(y)).Sum();
        }

        /// <summary>Σ r·f summed in double, for the finite differences.</summary>
        public double ScalarInDouble()
        {
            var y = f();
            var r = Weights(y).AsSpan();
            var ys = y.AsSpan();
            var sum = 0.0;
            for (var j = 0; j < ys.Length; j++) sum += (double)r[j] * ys[j];
            return sum;
        }
    }
}
