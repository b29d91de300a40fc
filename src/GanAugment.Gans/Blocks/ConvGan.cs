using GanAugment.NN;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// The plumbing the convolutional zoo models share: a DCGAN generator and critic, optional label
/// conditioning of both (one-hot appended to the noise and as image planes), and the helpers a
/// step needs. Each model adds only its losses and optimizers.
/// </summary>
public abstract class ConvGan : GanModel
{
    protected ConvGan(ImageSpec spec, int latentDim, int width, bool conditional, CriticNorm norm, Rng rng) : base(spec, rng.Split())
    {
        if (conditional && spec.ClassCount < 2) throw new ArgumentException("a conditional GAN needs a labelled data set with at least 2 classes");
        ConditionalModel = conditional;
        LatentSize = latentDim;
        var init = rng.Split();
        var classes = conditional ? spec.ClassCount : 0;
        G = DcganBlocks.Generator(spec, latentDim + classes, width, init);
        D = DcganBlocks.Discriminator(spec, spec.Channels + classes, width, norm, init);
    }

    protected Sequential G { get; }

    protected Sequential D { get; }

    protected bool ConditionalModel { get; }

    protected int LatentSize { get; }

    public override int LatentDim => LatentSize;

    public override bool IsConditional => ConditionalModel;

    protected override Module Generator => G;

    public override Tensor Generate(Tensor z, int[] labels) =>
        G.Call(ConditionalModel ? Conditioning.NoiseWithLabels(z, labels, Spec.ClassCount) : z);

    /// <summary>D's output [N, 1] for images x (with their labels when conditional).</summary>
    protected Tensor Critic(Tensor x, int[] labels) =>
        D.Call(ConditionalModel ? Conditioning.ImageWithLabels(x, labels, Spec.ClassCount) : x);

    /// <summary>Fresh labels for generated samples (all 0 when unconditional).</summary>
    protected int[] FakeLabels(int count) => ConditionalModel ? RandomLabels(count) : new int[count];

    /// <summary>A detached batch of generated images with the labels they were made for.</summary>
    protected (Tensor Images, int[] Labels) DetachedFakes(int count)
    {
        var labels = FakeLabels(count);
        using (Autograd.NoGrad()) return (Generate(Noise(count), labels), labels);
    }

    /// <summary>Runs <paramref name="loss"/> with D frozen, then one G update; returns the loss value.</summary>
    protected float UpdateGenerator(Optimizer optimizer, Func<Tensor> loss)
    {
        SetTrainable(D, false);
        try
        {
            var value = loss();
            optimizer.ZeroGrad();
            value.Backward();
            optimizer.Step();
            return value.Item();
        }
        finally
        {
            SetTrainable(D, true);
        }
    }

    public override IEnumerable<(string Name, Module Module)> Networks() => [("generator", G), ("discriminator", D)];
}
