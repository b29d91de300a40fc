using GanAugment.NN.Optim;
using static GanAugment.NN.Tests.Optim.OptimTestUtil;

namespace GanAugment.NN.Tests.Optim;

public class WeightClippingTests
{
    [Fact]
    public void ClampsEveryWeightIntoPlusMinusC()
    {
        var a = Param(-0.5f, 0.005f, 0.02f, -0.01f);
        var b = Param(3f);
        WeightClipping.Clamp_([a, b], c: 0.01);
        Assert.Equal([-0.01f, 0.005f, 0.01f, -0.01f], a.ToArray());
        Assert.Equal([0.01f], b.ToArray());
    }

    [Fact]
    public void NegativeCIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightClipping.Clamp_([Param(1f)], c: -0.01));
}
