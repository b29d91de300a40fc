using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// Label conditioning of the conditional GAN (Mirza and Osindero 2014,
/// https://arxiv.org/abs/1411.1784): the one-hot label is appended to G's noise and, as K constant
/// planes, to D's image channels.
/// </summary>
internal static class LabelConditioning
{
    /// <summary>[z | onehot(y)] of shape [N, latent + K].</summary>
    public static Tensor NoiseWithLabels(Tensor z, int[] labels, int classes) =>
        Tensor.Concat([z, Tensor.OneHot(labels, classes)], 1);

    /// <summary>[x | onehot(y) broadcast to H×W] of shape [N, C + K, H, W].</summary>
    public static Tensor ImageWithLabels(Tensor x, int[] labels, int classes)
    {
        int n = x.Size(0), h = x.Size(2), w = x.Size(3);
        var planes = Tensor.OneHot(labels, classes).Reshape(n, classes, 1, 1).Expand(n, classes, h, w);
        return Tensor.Concat([x, planes], 1);
    }
}
