using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// Conditional GAN (Mirza and Osindero 2014, https://arxiv.org/abs/1411.1784) on the DCGAN
/// networks: the one-hot label is given to G (with the noise) and to D (as image planes); the
/// losses and optimizers are DCGAN's.
/// </summary>
public static class Cgan
{
    public static GanModel Create(ImageSpec spec, DcganOptions options, Rng rng) => new Dcgan(spec, options, conditional: true, rng);
}
