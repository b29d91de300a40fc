using System.Numerics.Tensors;
using GanAugment.Tensors;

namespace GanAugment.NN.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum, exactly as <c>torch.optim.SGD</c>
/// (https://pytorch.org/docs/stable/generated/torch.optim.SGD.html). At step t, with
/// γ = lr, λ = weightDecay, μ = momentum, τ = dampening:
/// <code>
/// g  = ∇θ + λ θ
/// b  = g                       if t = 1
///    = μ b + (1 − τ) g         otherwise        (only when μ ≠ 0)
/// g  = g + μ b  if nesterov, else  g = b       (only when μ ≠ 0)
/// θ  = θ − γ g
/// </code>
/// Nesterov momentum (Sutskever et al. 2013) needs μ &gt; 0 and τ = 0.
/// </summary>
public sealed class Sgd : Optimizer
{
    private static readonly string[] MomentumBuffer = ["momentum_buffer"];

    private double _momentum;
    private double _dampening;
    private double _weightDecay;
    private bool _nesterov;

    public Sgd(
        IEnumerable<Parameter> parameters,
        double lr,
        double momentum = 0,
        double dampening = 0,
        double weightDecay = 0,
        bool nesterov = false)
        : base(parameters, lr)
    {
        Set(momentum, dampening, weightDecay, nesterov);
    }

    public double Momentum => _momentum;

    public double Dampening => _dampening;

    public double WeightDecay => _weightDecay;

    public bool Nesterov => _nesterov;

    private protected override string[] BufferNames => _momentum != 0 ? MomentumBuffer : [];

    private void Set(double momentum, double dampening, double weightDecay, bool nesterov)
    {
        HyperParameters.NonNegative(momentum, "momentum");
        HyperParameters.NonNegative(weightDecay, "weightDecay");
        if (!double.IsFinite(dampening))
            throw new ArgumentOutOfRangeException(nameof(dampening), $"dampening must be finite, got {dampening}");
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("Nesterov momentum needs momentum > 0 and dampening = 0", nameof(nesterov));
        (_momentum, _dampening, _weightDecay, _nesterov) = (momentum, dampening, weightDecay, nesterov);
    }

    private protected override void WriteHyperParameters(IDictionary<string, double> into)
    {
        into["momentum"] = _momentum;
        into["dampening"] = _dampening;
        into["weight_decay"] = _weightDecay;
        into["nesterov"] = _nesterov ? 1 : 0;
    }

    private protected override void ReadHyperParameters(IReadOnlyDictionary<string, double> values) =>
        Set(
            HyperParameters.Require(values, "momentum"),
            HyperParameters.Require(values, "dampening"),
            HyperParameters.Require(values, "weight_decay"),
            HyperParameters.Flag(values, "nesterov"));

    private protected override void Update(Span<float> param, ReadOnlySpan<float> grad, ParameterState state)
    {
        var g = grad;
        if (_weightDecay != 0)
        {
            // g = ∇θ + λθ, in a scratch buffer: the parameter's Grad is left as it was.
            var decayed = Scratch(0, param.Length);
            TensorPrimitives.MultiplyAdd(param, (float)_weightDecay, grad, decayed);
            g = decayed;
        }
        if (_momentum != 0)
        {
            var buf = state.Buffers[0].AsSpan();
            if (state.Step == 1)
            {
                g.CopyTo(buf);
            }
            else
            {
                TensorPrimitives.Multiply(buf, (float)_momentum, buf);
                TensorPrimitives.MultiplyAdd(g, (float)(1 - _dampening), buf, buf);
            }
            if (_nesterov)
            {
                var look = Scratch(1, param.Length);
                TensorPrimitives.MultiplyAdd(buf, (float)_momentum, g, look);
                g = look;
            }
            else
            {
                g = buf;
            }
        }
        TensorPrimitives.MultiplyAdd(g, (float)-LearningRate, param, param);
    }
}
