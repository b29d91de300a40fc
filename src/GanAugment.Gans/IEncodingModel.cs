using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// A model that also maps real items to latent features: BiGAN's encoder E, the adversarial
/// autoencoder's encoder, InfoGAN's Q body. <c>ganaug encode</c> writes these features for every
/// sample of a data set so that any other model can use them.
/// </summary>
public interface IEncodingModel
{
    /// <summary>Features per item.</summary>
    int FeatureSize { get; }

    /// <summary>
    /// The features of <paramref name="items"/> (a batch as <see cref="TrainingData.Batch"/> gives it:
    /// images in the model's pixel range, or transformed table rows), shape [n, <see cref="FeatureSize"/>],
    /// computed in evaluation mode without gradients.
    /// </summary>
    Tensor Encode(Tensor items);
}
