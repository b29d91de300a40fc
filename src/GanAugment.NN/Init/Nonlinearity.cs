namespace GanAugment.NN;

/// <summary>The activation that follows a layer, for <see cref="Init.CalculateGain"/>.</summary>
public enum Nonlinearity
{
    Linear,
    Conv1d,
    Conv2d,
    Conv3d,
    ConvTranspose1d,
    ConvTranspose2d,
    ConvTranspose3d,
    Sigmoid,
    Tanh,
    Relu,
    LeakyRelu,
    Selu,
}
