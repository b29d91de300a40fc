using GanAugment.NN;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Options;

/// <summary>Adam's hyper-parameters as a model's options (Kingma and Ba 2015, https://arxiv.org/abs/1412.6980).</summary>
public sealed record AdamOptions(double LearningRate = 2e-4, double Beta1 = 0.5, double Beta2 = 0.999)
{
    public static OptionSchema<AdamOptions> Schema { get; } = new OptionSchema<AdamOptions>()
        .Double("learning-rate", "Adam's step size (--lr)", o => o.LearningRate, (o, v) => o with { LearningRate = v }, positive: true)
        .Double("beta1", "Adam's decay of the gradient mean", o => o.Beta1, (o, v) => o with { Beta1 = v })
        .Double("beta2", "Adam's decay of the squared-gradient mean", o => o.Beta2, (o, v) => o with { Beta2 = v });

    public Adam Create(IEnumerable<Parameter> parameters, double? learningRate = null) =>
        new(parameters, lr: learningRate ?? LearningRate, beta1: Beta1, beta2: Beta2);
}
