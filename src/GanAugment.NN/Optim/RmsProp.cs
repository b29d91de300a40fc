using System.Numerics.Tensors;
using GanAugment.Tensors;

namespace GanAugment.NN.Optim;

/// <summary>
/// RMSprop (Hinton, Coursera lecture 6.5; centered form from Graves 2013,
/// https://arxiv.org/abs/1308.0850), exactly as <c>torch.optim.RMSprop</c>
/// (https://pytorch.org/docs/stable/generated/torch.optim.RMSprop.html). At each step, with
/// γ = lr, α = alpha, λ = weightDecay, μ = momentum:
/// <code>
/// g  = ∇θ + λ θ
/// v  = α v + (1 − α) g²
/// ḡ  = α ḡ + (1 − α) g,   ṽ = v − ḡ²      if centered, else ṽ = v
/// b  = μ b + g / (√ṽ + ε),  θ = θ − γ b    if μ &gt; 0   (b starts at 0)
/// θ  = θ − γ g / (√ṽ + ε)                  otherwise
/// </code>
/// NOTE: like PyTorch, ε is added after the square root, and a centered ṽ that rounds below zero
/// gives NaN rather than being clamped. The original WGAN trains with RMSprop, lr = 5e-5.
/// </summary>
public sealed class RmsProp : Optimizer
{
    private double _alpha;
    private double _eps;
    private double _weightDecay;
    private double _momentum;
    private bool _centered;

    public RmsProp(
        IEnumerable<Parameter> parameters,
        double lr = 1e-2,
        double alpha = 0.99,
        double eps = 1e-8,
        double weightDecay = 0,
        double momentum = 0,
        bool centered = false)
        : base(parameters, lr)
    {
        Set(alpha, eps, weightDecay, momentum, centered);
    }

    public double Alpha => _alpha;

    public double Eps => _eps;

    public double WeightDecay => _weightDecay;

    public double Momentum => _momentum;

    public bool Centered => _centered;

    private protected override string[] BufferNames => (_momentum > 0, _centered) switch
    {
        (false, false) => ["square_avg"],
        (true, false) => ["square_avg", "momentum_buffer"],
        (false, true) => ["square_avg", "grad_avg"],
        (true, true) => ["square_avg", "momentum_buffer", "grad_avg"],
    };

    private void Set(double alpha, double eps, double weightDecay, double momentum, bool centered)
    {
        HyperParameters.NonNegative(alpha, "alpha");
        HyperParameters.NonNegative(eps, "eps");
        HyperParameters.NonNegative(weightDecay, "weightDecay");
        HyperParameters.NonNegative(momentum, "momentum");
        (_alpha, _eps, _weightDecay, _momentum, _centered) = (alpha, eps, weightDecay, momentum, centered);
    }

    private protected override void WriteHyperParameters(IDictionary<string, double> into)
    {
        into["alpha"] = _alpha;
        into["eps"] = _eps;
        into["weight_decay"] = _weightDecay;
        into["momentum"] = _momentum;
        into["centered"] = _centered ? 1 : 0;
    }

    private protected override void ReadHyperParameters(IReadOnlyDictionary<string, double> values) =>
        Set(
            HyperParameters.Require(values, "alpha"),
            HyperParameters.Require(values, "eps"),
            HyperParameters.Require(values, "weight_decay"),
            HyperParameters.Require(values, "momentum"),
            HyperParameters.Flag(values, "centered"));

    private protected override void Update(Span<float> param, ReadOnlySpan<float> grad, ParameterState state)
    {
        var n = param.Length;
        ReadOnlySpan<float> g = grad;
        if (_weightDecay != 0)
        {
            var decayed = Scratch(0, n);
            TensorPrimitives.MultiplyAdd(param, (float)_weightDecay, grad, decayed);
            g = decayed;
        }

        var squareAvg = state.Buffers[0].AsSpan();
        var work = Scratch(1, n);
        TensorPrimitives.Multiply(squareAvg, (float)_alpha, squareAvg);
        TensorPrimitives.Multiply(g, (float)(1 - _alpha), work);
        TensorPrimitives.MultiplyAdd(work, g, squareAvg, squareAvg);
        if (_centered)
        {
            var gradAvg = state.Buffers[^1].AsSpan();
            TensorPrimitives.Multiply(gradAvg, (float)_alpha, gradAvg);
            TensorPrimitives.MultiplyAdd(g, (float)(1 - _alpha), gradAvg, gradAvg);
            // ṽ = v − ḡ²
            TensorPrimitives.Multiply(gradAvg, gradAvg, work);
            TensorPrimitives.Subtract(squareAvg, work, work);
            TensorPrimitives.Sqrt(work, work);
        }
        else
        {
            TensorPrimitives.Sqrt(squareAvg, work);
        }
        TensorPrimitives.Add(work, (float)_eps, work);
        TensorPrimitives.Divide(g, work, work);

        var lr = (float)-LearningRate;
        if (_momentum > 0)
        {
            var buf = state.Buffers[1].AsSpan();
            TensorPrimitives.Multiply(buf, (float)_momentum, buf);
            TensorPrimitives.Add(buf, work, buf);
            TensorPrimitives.MultiplyAdd(buf, lr, param, param);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(work, lr, param, param);
        }
    }
}
