using GanAugment.NN;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// The initialisation of Keras models that the seeds were written in: kernels given
/// <c>RandomNormal(stddev)</c>, layers left at Keras' default Glorot-uniform kernels, biases zero.
/// </summary>
internal static class KerasInit
{
    /// <summary>N(0, std) for every conv/dense weight under <paramref name="root"/>, biases 0; BatchNorm keeps γ=1, β=0.</summary>
    public static void NormalKernels(Module root, Rng rng, float std, Module? except)
    {
        foreach (var (_, m) in root.NamedModules())
        {
            if (ReferenceEquals(m, except)) continue;
            switch (m)
            {
                case Linear l: Init.Normal_(l.Weight, rng, 0f, std); ZeroBias(l.Bias); break;
                case Conv2d c: Init.Normal_(c.Weight, rng, 0f, std); ZeroBias(c.Bias); break;
                case ConvTranspose2d t: Init.Normal_(t.Weight, rng, 0f, std); ZeroBias(t.Bias); break;
            }
        }
    }

    /// <summary>Keras' default dense initialiser: Glorot-uniform weight, zero bias.</summary>
    public static void GlorotHead(Linear layer, Rng rng)
    {
        Init.XavierUniform_(layer.Weight, rng);
        ZeroBias(layer.Bias);
    }

    private static void ZeroBias(Tensor? bias)
    {
        if (bias is not null) Init.Zeros_(bias);
    }
}
