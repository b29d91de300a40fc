using GanAugment.Tensors;

namespace GanAugment.Tensors.Tests.Ops;

public class ElementwiseGradTests
{
    private static Tensor In(int seed, params int[] shape) => GradCheck.Input(seed, shape);

    // Inputs kept away from kinks (0 for ReLU/abs) and from the domain edge (0 for log/sqrt).
    private static Tensor AwayFromZero(int seed, params int[] shape)
    {
        var t = In(seed, shape);
        var s = t.AsSpan();
        for (var i = 0; i < s.Length; i++) s[i] = s[i] >= 0 ? s[i] + 0.2f : s[i] - 0.2f;
        return t;
    }

    private static Tensor Positive(int seed, params int[] shape) => AwayFromZero(seed, shape).Abs() + 0.1f;

    [Fact] public void Add() => GradCheck.FirstOrder(x => x[0] + x[1], In(1, 3, 4), In(2, 3, 4));
    [Fact] public void AddBroadcast() => GradCheck.FirstOrder(x => x[0] + x[1], In(1, 3, 4), In(2, 4));
    [Fact] public void SubBroadcast() => GradCheck.FirstOrder(x => x[0] - x[1], In(1, 2, 1, 4), In(2, 3, 1));
    [Fact] public void MulBroadcast() => GradCheck.FirstOrder(x => x[0] * x[1], In(1, 2, 3, 4), In(2, 1, 3, 1));
    [Fact] public void Div() => GradCheck.FirstOrder(x => x[0] / x[1], In(1, 3, 4), Positive(2, 3, 4));
    [Fact] public void ScalarOps() => GradCheck.FirstOrder(x => (2f - x[0] * 3f) / 4f + 1f, In(1, 5));
    [Fact] public void Exp() => GradCheck.FirstOrder(x => x[0].Exp(), In(1, 6));
    [Fact] public void Log() => GradCheck.FirstOrder(x => x[0].Log(), Positive(1, 6));
    [Fact] public void Pow() => GradCheck.FirstOrder(x => x[0].Pow(3f), In(1, 6));
    [Fact] public void PowFractional() => GradCheck.FirstOrder(x => x[0].Pow(1.5f), Positive(1, 6));
    [Fact] public void Sqrt() => GradCheck.FirstOrder(x => x[0].Sqrt(), Positive(1, 6));
    [Fact] public void Abs() => GradCheck.FirstOrder(x => x[0].Abs(), AwayFromZero(1, 6));
    [Fact] public void Tanh() => GradCheck.FirstOrder(x => x[0].Tanh(), In(1, 6));
    [Fact] public void Sigmoid() => GradCheck.FirstOrder(x => x[0].Sigmoid(), In(1, 6));
    [Fact] public void Relu() => GradCheck.FirstOrder(x => x[0].Relu(), AwayFromZero(1, 8));
    [Fact] public void LeakyRelu() => GradCheck.FirstOrder(x => x[0].LeakyRelu(0.2f), AwayFromZero(1, 8));
    [Fact] public void Softplus() => GradCheck.FirstOrder(x => x[0].Softplus(), AwayFromZero(1, 8));

    [Fact]
    public void SoftplusGradientAtZeroIsOneHalf()
    {
        var x = Tensor.FromArray([0f]).RequiresGrad_();
        x.Softplus().Sum().Backward();
        Assert.Equal(0.5f, x.Grad!.Item());
    }
    [Fact] public void Clamp() => GradCheck.FirstOrder(x => x[0].Clamp(-0.5f, 0.5f), Tensor.FromArray([-1.2f, -0.7f, -0.3f, 0.1f, 0.35f, 0.8f]));
    [Fact] public void Maximum() => GradCheck.FirstOrder(x => Tensor.Maximum(x[0], x[1]), In(1, 8), In(2, 8));
    [Fact] public void Where() => GradCheck.FirstOrder(x => Tensor.Where(x[0].Gt(0f), x[0], x[1] * 2f), AwayFromZero(1, 8), In(2, 8));

    // Second order: every op a WGAN-GP critic or an InfoGAN/BiGAN head can use.
    [Fact] public void MulSecondOrder() => GradCheck.SecondOrder(x => x[0] * x[1] * x[0], In(1, 2, 3), In(2, 3));
    [Fact] public void DivSecondOrder() => GradCheck.SecondOrder(x => x[0] / x[1], In(1, 4), Positive(2, 4));
    [Fact] public void ExpLogSecondOrder() => GradCheck.SecondOrder(x => x[0].Exp() + (x[0] * x[0] + 1f).Log(), In(1, 5));
    [Fact] public void PowSecondOrder() => GradCheck.SecondOrder(x => x[0].Pow(3f), In(1, 5));
    [Fact] public void SqrtSecondOrder() => GradCheck.SecondOrder(x => x[0].Sqrt(), Positive(1, 5));
    [Fact] public void TanhSecondOrder() => GradCheck.SecondOrder(x => x[0].Tanh(), In(1, 5));
    [Fact] public void SigmoidSecondOrder() => GradCheck.SecondOrder(x => x[0].Sigmoid(), In(1, 5));
    [Fact] public void LeakyReluSecondOrder() => GradCheck.SecondOrder(x => (x[0] * x[1]).LeakyRelu(0.2f) * x[0], AwayFromZero(1, 6), Positive(2, 6));
    [Fact] public void ReluSecondOrder() => GradCheck.SecondOrder(x => (x[0] * x[1]).Relu() * x[1], AwayFromZero(1, 6), Positive(2, 6));
    [Fact] public void SoftplusSecondOrder() => GradCheck.SecondOrder(x => x[0].Softplus(), AwayFromZero(1, 6));
}
