using GanAugment.Gans.Options;
using GanAugment.Gans.Export;
using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>The networks of the convolutional zoo models: noise size, width, and whether labels condition G and D.</summary>
public sealed record ConvNetOptions(int LatentDim = 100, int Width = 64, bool Conditional = false)
{
    public static OptionSchema<ConvNetOptions> Schema { get; } = new OptionSchema<ConvNetOptions>()
        .Int("latent-dim", "size of the noise vector z", o => o.LatentDim, (o, v) => o with { LatentDim = v }, min: 1)
        .Int("width", "feature maps of the widest-resolution layer (ngf = ndf)", o => o.Width, (o, v) => o with { Width = v }, min: 1)
        .Bool("conditional", "give the one-hot label to G (with the noise) and to D (as image planes)", o => o.Conditional, (o, v) => o with { Conditional = v });
}

/// <summary>
/// The plumbing the convolutional zoo models share: a DCGAN generator and critic, optional label
/// conditioning of both (one-hot appended to the noise and as image planes), and the helpers a
/// step needs. Each model adds only its losses and optimizers.
/// </summary>
public abstract class ConvGan : GanModel
{
    protected ConvGan(ImageSpec spec, ConvNetOptions net, CriticNorm norm, Rng rng) : base(spec, rng.Split())
    {
        if (net.Conditional && spec.ClassCount < 2) throw new ArgumentException("a conditional GAN needs a labelled data set with at least 2 classes");
        Net = net;
        var init = rng.Split();
        var classes = net.Conditional ? spec.ClassCount : 0;
        G = DcganBlocks.Generator(spec, net.LatentDim + classes, net.Width, init);
        D = DcganBlocks.Discriminator(spec, spec.Channels + classes, net.Width, norm, init);
    }

    protected Sequential G { get; }

    protected Sequential D { get; }

    protected ConvNetOptions Net { get; }

    public override int LatentDim => Net.LatentDim;

    public override ConditionKind Conditioning => Net.Conditional ? ConditionKind.Labels : ConditionKind.None;

    protected override Module Generator => G;

    protected override Tensor RunGenerator(Tensor z, Condition condition) =>
        G.Call(Net.Conditional ? LabelConditioning.NoiseWithLabels(z, ((LabelCondition)condition).Labels, Spec.ClassCount) : z);

    /// <summary>G in ONNX: noise (and label when conditional) into the DCGAN generator.</summary>
    public override GeneratorOnnx OnnxGenerator() => new(
        Net.Conditional ? [GeneratorInput.Noise(LatentDim), GeneratorInput.Label(Spec.ClassCount)] : [GeneratorInput.Noise(LatentDim)],
        (graph, inputs) => new OnnxModuleExporter(graph, "generator", G)
            .Apply(G, Net.Conditional ? OnnxBlocks.NoiseWithLabels(graph, inputs[0], inputs[1], Spec.ClassCount) : inputs[0]));

    /// <summary>D's output [N, 1] for images x (with their labels when conditional).</summary>
    protected Tensor Critic(Tensor x, int[]? labels) =>
        D.Call(Net.Conditional ? LabelConditioning.ImageWithLabels(Judged(x, labels!), labels!, Spec.ClassCount) : x);

    /// <summary>Fresh labels for generated samples (all 0 when unconditional).</summary>
    protected int[] FakeLabels(int count) => Net.Conditional ? RandomLabels(count) : new int[count];

    /// <summary>A detached batch of generated images made for <paramref name="labels"/>.</summary>
    protected Tensor DetachedFakes(int[] labels)
    {
        using (Autograd.NoGrad()) return Generate(Noise(labels.Length), Condition.Of(labels));
    }

    /// <summary>One G update of <paramref name="loss"/> on a fresh batch: the loss of G's samples made for fresh labels.</summary>
    protected float UpdateGenerator(NN.Optim.Optimizer optimizer, int batchSize, Func<Tensor, int[], Tensor> loss)
    {
        var labels = FakeLabels(batchSize);
        return Update(optimizer, loss(Generate(Noise(batchSize), Condition.Of(labels)), labels));
    }

    public override void SummaryPass(RealBatch real)
    {
        var labels = Net.Conditional ? real.RequireLabels(Name) : new int[real.Count];
        Critic(Generate(Noise(real.Count), Condition.Of(labels)), labels);
    }

    public override IEnumerable<(string Name, Module Module)> Networks() => [("generator", G), ("discriminator", D)];
}
