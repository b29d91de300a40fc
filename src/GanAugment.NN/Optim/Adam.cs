using GanAugment.Tensors;

namespace GanAugment.NN.Optim;

/// <summary>
/// Adam (Kingma and Ba 2015, https://arxiv.org/abs/1412.6980) with PyTorch's bias-corrected
/// update, exactly as <c>torch.optim.Adam</c>
/// (https://pytorch.org/docs/stable/generated/torch.optim.Adam.html). At step t, with γ = lr,
/// λ = weightDecay:
/// <code>
/// g  = ∇θ + λ θ
/// m  = β1 m + (1 − β1) g
/// v  = β2 v + (1 − β2) g²
/// v̂  = max(v̂, v)  if amsgrad, else v̂ = v          (Reddi et al. 2018)
/// θ  = θ − γ / (1 − β1^t) · m / (√v̂ / √(1 − β2^t) + ε)
/// </code>
/// NOTE: ε is added after the bias correction of √v̂, as PyTorch does (the paper adds it to the
/// corrected √v̂ as well); the step scalars are computed in double and rounded to float once.
/// GANs usually take β1 = 0.5 (DCGAN) or β1 = 0, β2 = 0.9 (WGAN-GP).
/// </summary>
public class Adam : Optimizer
{
    private static readonly string[] Moments = ["exp_avg", "exp_avg_sq"];
    private static readonly string[] MomentsWithMax = ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"];

    private readonly bool _decoupledWeightDecay;
    private double _beta1;
    private double _beta2;
    private double _eps;
    private double _weightDecay;
    private bool _amsgrad;

    public Adam(
        IEnumerable<Parameter> parameters,
        double lr = 1e-3,
        double beta1 = 0.9,
        double beta2 = 0.999,
        double eps = 1e-8,
        double weightDecay = 0,
        bool amsgrad = false)
        : this(parameters, lr, beta1, beta2, eps, weightDecay, amsgrad, decoupledWeightDecay: false)
    {
    }

    private protected Adam(
        IEnumerable<Parameter> parameters,
        double lr,
        double beta1,
        double beta2,
        double eps,
        double weightDecay,
        bool amsgrad,
        bool decoupledWeightDecay)
        : base(parameters, lr)
    {
        _decoupledWeightDecay = decoupledWeightDecay;
        Set(beta1, beta2, eps, weightDecay, amsgrad);
    }

    public double Beta1 => _beta1;

    public double Beta2 => _beta2;

    public double Eps => _eps;

    public double WeightDecay => _weightDecay;

    public bool Amsgrad => _amsgrad;

    private protected override string[] BufferNames => _amsgrad ? MomentsWithMax : Moments;

    private void Set(double beta1, double beta2, double eps, double weightDecay, bool amsgrad)
    {
        HyperParameters.Rate(beta1, "beta1");
        HyperParameters.Rate(beta2, "beta2");
        HyperParameters.NonNegative(eps, "eps");
        HyperParameters.NonNegative(weightDecay, "weightDecay");
        (_beta1, _beta2, _eps, _weightDecay, _amsgrad) = (beta1, beta2, eps, weightDecay, amsgrad);
    }

    private protected override void WriteHyperParameters(IDictionary<string, double> into)
    {
        into["beta1"] = _beta1;
        into["beta2"] = _beta2;
        into["eps"] = _eps;
        into["weight_decay"] = _weightDecay;
        into["amsgrad"] = _amsgrad ? 1 : 0;
    }

    private protected override void ReadHyperParameters(IReadOnlyDictionary<string, double> values) =>
        Set(
            HyperParameters.Require(values, "beta1"),
            HyperParameters.Require(values, "beta2"),
            HyperParameters.Require(values, "eps"),
            HyperParameters.Require(values, "weight_decay"),
            HyperParameters.Flag(values, "amsgrad"));

    private protected override void Update(Span<float> param, ReadOnlySpan<float> grad, ParameterState state)
    {
        var lr = LearningRate;
        var biasCorrection1 = 1 - Math.Pow(_beta1, state.Step);
        var biasCorrection2 = 1 - Math.Pow(_beta2, state.Step);
        var scalars = new AdamScalars(
            Beta1: (float)_beta1,
            OneMinusBeta1: (float)(1 - _beta1),
            Beta2: (float)_beta2,
            OneMinusBeta2: (float)(1 - _beta2),
            SqrtBiasCorrection2: (float)Math.Sqrt(biasCorrection2),
            Eps: (float)_eps,
            StepSize: (float)(-lr / biasCorrection1),
            // AdamW: θ = θ (1 − γλ) and the gradient is left alone; Adam: g = ∇θ + λ θ.
            WeightDecay: _decoupledWeightDecay ? 0f : (float)_weightDecay,
            DecoupledShrink: _decoupledWeightDecay && _weightDecay != 0 ? (float)(1 - lr * _weightDecay) : 1f,
            Amsgrad: _amsgrad);
        AdamKernel.Update(grad, scalars, param, state.Buffers[0], state.Buffers[1], _amsgrad ? state.Buffers[2] : []);
    }
}
