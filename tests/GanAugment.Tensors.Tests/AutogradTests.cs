using GanAugment.Tensors;

namespace GanAugment.Tensors.Tests;

public class AutogradTests
{
    [Fact]
    public void GradientsAccumulateAcrossBackwardCalls()
    {
        var w = Tensor.FromArray([2f, -1f]).RequiresGrad_();
        (w * 3f).Sum().Backward();
        (w * w).Sum().Backward();
        Assert.Equal([3f + 4f, 3f - 2f], w.Grad!.ToArray());
    }

    [Fact]
    public void FanOutAddsBothPaths()
    {
        var x = Tensor.FromArray([3f]).RequiresGrad_();
        var y = x * x + x; // dy/dx = 2x + 1 = 7
        y.Sum().Backward();
        Assert.Equal(7f, x.Grad!.Item());
    }

    [Fact]
    public void SlicesOfOneTensorSumTheirGradientsWhereTheyOverlapAndLeaveTheRestZero()
    {
        // The pattern of an LSTM: one slice per time step of a projected [N, T, 4H] tensor. A pass
        // without a graph adds each slice's gradient into one buffer; with a graph it pads and adds.
        var rng = new Rng(3);
        var x = Tensor.Randn(rng, [2, 6, 3]).RequiresGrad_();
        var w = Tensor.Randn(rng, [2, 1, 3]);
        Tensor Loss(Tensor input)
        {
            var h = input * 2f; // not a leaf, so its gradient is summed by the pass
            var loss = (h.Narrow(1, 4, 2) * 0.5f).Sum();
            for (var t = 0; t < 4; t++) loss = loss + (h.Narrow(1, t, 1) * w * (t + 1)).Sum();
            return loss;
        }
        var expected = new float[2 * 6 * 3];
        for (int n = 0; n < 2; n++)
            for (int t = 0; t < 6; t++)
                for (int k = 0; k < 3; k++)
                    expected[(n * 6 + t) * 3 + k] = 2f * (t < 4 ? (t + 1) * w.ToArray()[n * 3 + k] : 0.5f);

        var plain = Autograd.Grad([Loss(x)], [x])[0]!.ToArray();
        var built = Autograd.Grad([Loss(x)], [x], createGraph: true)[0]!.ToArray();
        Loss(x).Backward();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], plain[i], 5);
            Assert.Equal(expected[i], built[i], 5);
            Assert.Equal(expected[i], x.Grad!.ToArray()[i], 5);
        }
    }

    [Fact]
    public void AGradientHandedToTwoInputsIsNotSummedIntoInPlace()
    {
        // Add's backward gives both inputs the same tensor; summing a slice's gradient into one of
        // them in place would change the other's.
        var x = Tensor.FromArray([1f, 2f, 3f, 4f], [4]).RequiresGrad_();
        var a = x * 1f;
        var b = x * 1f;
        var s = a + b;
        var loss = (s * s).Sum() + (a.Narrow(0, 1, 2) * 10f).Sum();
        loss.Backward();
        // d/dx of (2x)² summed is 8x; the slice adds 10 to elements 1 and 2 through a only.
        Assert.Equal([8f, 16f + 10f, 24f + 10f, 32f], x.Grad!.ToArray());
    }

    [Fact]
    public void NoGradRecordsNothing()
    {
        var x = Tensor.Ones(2).RequiresGrad_();
        Tensor y;
        using (Autograd.NoGrad()) y = x * 2f;
        Assert.False(y.RequiresGrad);
        Assert.True(Autograd.IsEnabled);
    }

    [Fact]
    public void DetachCutsTheGraph()
    {
        var x = Tensor.Ones(2).RequiresGrad_();
        var y = (x * 2f).Detach() * x;
        y.Sum().Backward();
        Assert.Equal([2f, 2f], x.Grad!.ToArray());
    }

    [Fact]
    public void SecondBackwardWithoutRetainGraphFailsClearly()
    {
        var x = Tensor.Ones(2).RequiresGrad_();
        var y = (x * x).Sum();
        y.Backward();
        var e = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("retainGraph", e.Message);
    }

    [Fact]
    public void RetainGraphAllowsTwoBackwardPasses()
    {
        var x = Tensor.FromArray([1f, 2f]).RequiresGrad_();
        var y = (x * x).Sum();
        y.Backward(retainGraph: true);
        y.Backward();
        Assert.Equal([4f, 8f], x.Grad!.ToArray());
    }

    [Fact]
    public void GradLeavesGradFieldsUntouched()
    {
        var x = Tensor.FromArray([1f, 2f]).RequiresGrad_();
        var g = Autograd.Grad([(x * x * x).Sum()], [x]);
        Assert.Equal([3f, 12f], g[0]!.ToArray());
        Assert.Null(x.Grad);
    }

    [Fact]
    public void GradOfGradIsTheSecondDerivative()
    {
        var x = Tensor.FromArray([1f, 2f]).RequiresGrad_();
        var g = Autograd.Grad([(x * x * x).Sum()], [x], createGraph: true)[0]!;
        Assert.True(g.RequiresGrad);
        var h = Autograd.Grad([g.Sum()], [x])[0]!;
        Assert.Equal([6f, 12f], h.ToArray());
    }

    [Fact]
    public void UnusedInputNeedsAllowUnused()
    {
        var x = Tensor.Ones(1).RequiresGrad_();
        var z = Tensor.Ones(1).RequiresGrad_();
        Assert.Throws<InvalidOperationException>(() => Autograd.Grad([(x * 2f).Sum()], [x, z]));
        var g = Autograd.Grad([(x * 2f).Sum()], [x, z], allowUnused: true);
        Assert.Null(g[1]);
    }

    [Fact]
    public void GradientPenaltyOfALinearCriticIsExact()
    {
        // D(x) = x·w, so dD/dx = w and the penalty (‖w‖ - 1)² has gradient 2(‖w‖-1)·w/‖w‖ in w.
        var w = Tensor.FromArray([3f, 4f], 2, 1).RequiresGrad_();
        var x = Tensor.FromArray([0.5f, -1f, 2f, 1f], 2, 2).RequiresGrad_();
        var d = (x * w.Reshape(1, 2)).Sum(1);
        var gx = Autograd.Grad([d], [x], [Tensor.Ones(2)], createGraph: true)[0]!;
        var penalty = ((gx.Square().Sum(1) + 1e-12f).Sqrt() - 1f).Square().Mean();
        Assert.Equal(16f, penalty.Item(), 4);
        penalty.Backward();
        Assert.Equal([2f * 4f * 3f / 5f, 2f * 4f * 4f / 5f], w.Grad!.ToArray().Select(v => MathF.Round(v, 4)).ToArray());
    }

    [Fact]
    public void NonScalarBackwardNeedsAGradient()
    {
        var x = Tensor.Ones(3).RequiresGrad_();
        Assert.Throws<InvalidOperationException>(() => (x * 2f).Backward());
    }
}

public class TensorPoolTests
{
    [Fact]
    public void BuffersAreReusedAcrossScopesAndLeafGradientsSurviveThem()
    {
        var pool = new TensorPool();
        var w = Tensor.FromArray([1f, 2f]).RequiresGrad_();
        using (pool.Scope()) (w * w).Sum().Backward();
        var held = pool.PooledFloats;
        using (pool.Scope())
        {
            w.Grad = null;
            (w * w).Sum().Backward();
        }
        Assert.Equal(held, pool.PooledFloats); // the same step again took nothing new
        // The gradient was made in a scope but lives outside the pool: later scopes do not overwrite it.
        using (pool.Scope()) _ = Tensor.Full(99f, 2) * Tensor.Full(99f, 2);
        Assert.Equal([2f, 4f], w.Grad!.ToArray());
    }

    [Fact]
    public void PastItsCapThePoolLeavesBuffersToTheCollectorAndReusesWhatItHolds()
    {
        var pool = new TensorPool(maxFloats: 100);
        static float[] Storage(Tensor t) => t.Storage;
        Tensor a, b, c;
        using (pool.Scope()) (a, b, c) = (Tensor.Full(1f, 40), Tensor.Full(2f, 40), Tensor.Full(3f, 40));
        Assert.Equal(80, pool.PooledFloats); // the third would pass the cap: an ordinary array
        using (pool.Scope())
        {
            var (a2, b2, c2) = (Tensor.Full(4f, 40), Tensor.Full(5f, 40), Tensor.Full(6f, 40));
            var held = new HashSet<float[]>(ReferenceEqualityComparer.Instance) { Storage(a), Storage(b) };
            Assert.True(held.SetEquals([Storage(a2), Storage(b2)])); // the two pooled buffers, in either order
            Assert.NotSame(Storage(c), Storage(c2));
            Assert.Equal(6f, c2.ToArray()[0]);
        }
        Assert.Equal(80, pool.PooledFloats);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TensorPool(0));
    }

    [Fact]
    public void ZerosFromThePoolAreZeroed()
    {
        var pool = new TensorPool();
        using (pool.Scope()) _ = Tensor.Full(5f, 3, 3);
        using (pool.Scope()) Assert.All(Tensor.Zeros(3, 3).ToArray(), v => Assert.Equal(0f, v));
    }
}
