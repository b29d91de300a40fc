using GanAugment.Tensors;

namespace GanAugment.NN.Tests;

public class GradCheckTests
{
    [Fact]
    public void Passes_for_a_correct_gradient()
    {
        var x = TestUtil.Leaf(1, 3, 2);
        GradCheck.FirstOrder(() => (x * x).Tanh(), x);
    }

    [Fact]
    public void Catches_a_wrong_gradient()
    {
        // x·detach(x) has the value x² but autograd sees only one factor: gradient x, not 2x.
        var x = TestUtil.Leaf(2, 4);
        Assert.NotEmpty(GradCheck.Failures(() => x * x.Detach(), [x]));
    }

    [Fact]
    public void Second_order_catches_a_gradient_that_is_not_differentiable_again()
    {
        // The value is x² but the gradient r·x of the first term is a constant to autograd, so
        // d‖∂/∂x‖²/dx is 0 for autograd and 2r²x for the finite differences. (The 0·x² term only
        // keeps the gradient attached to the graph.)
        var x = TestUtil.Leaf(3, 4);
        var norm = GradCheck.GradNormSquared(() => x * x.Detach() + x * x * 0f, x);
        Assert.NotEmpty(GradCheck.Failures(norm, [x]));
    }
}
