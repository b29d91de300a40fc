using GanAugment.Data.Images;
using GanAugment.Data.Writers;
using GanAugment.Gans.Training;
using GanAugment.NN;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// What every GAN gives the <see cref="Training.GanTrainer"/>: one critic (discriminator) step on a
/// real batch, one generator step, sampling, and its state for checkpoints. The trainer owns the
/// loop, the critic schedule (<see cref="CriticSteps"/> critic steps per generator step),
/// checkpoints and cancellation; a model only describes its steps (Keras' <c>train_step</c>).
/// </summary>
public abstract class GanModel
{
    protected GanModel(ImageSpec spec, Rng rng)
    {
        Spec = spec;
        Rng = rng;
    }

    /// <summary>The model's name in the zoo (<c>ganaug models</c>).</summary>
    public abstract string Name { get; }

    public ImageSpec Spec { get; }

    /// <summary>
    /// The model's own random stream (noise, labels, dropout masks, interpolation weights). It is
    /// saved in checkpoints so a resumed run continues bit for bit.
    /// </summary>
    public Rng Rng { get; }

    public abstract int LatentDim { get; }

    /// <summary>Whether samples can be asked for a class.</summary>
    public abstract bool IsConditional { get; }

    public virtual PixelRange Range => PixelRange.MinusOneToOne;

    /// <summary>Critic updates per generator update (n_critic of WGAN; 1 for the others).</summary>
    public virtual int CriticSteps => 1;

    /// <summary>How many real images one critic step takes out of a batch of <paramref name="batchSize"/>.</summary>
    public virtual int RealPerStep(int batchSize) => batchSize;

    /// <summary>The options record (serialised into run directories and checkpoints).</summary>
    public abstract object Options { get; }

    /// <summary>
    /// Epochs of a pretraining phase that the trainer runs before the adversarial epochs of a fresh
    /// run (not of a resumed one), such as BAGAN's autoencoder; 0 for models without one.
    /// </summary>
    public virtual int PretrainEpochs(TrainerOptions options) => 0;

    /// <summary>One pretraining update on <paramref name="real"/> images (in <see cref="Range"/>) with their labels.</summary>
    public virtual StepLosses PretrainStep(Tensor real, int[] labels) =>
        throw new NotSupportedException($"model '{Name}' has no pretraining phase");

    /// <summary>Called once after the last pretraining epoch with the whole training set (BAGAN fits its latent distribution here).</summary>
    public virtual void EndPretraining(ImageDataset data) { }

    /// <summary>Updates the critic on <paramref name="real"/> images (in <see cref="Range"/>) with their labels.</summary>
    public abstract StepLosses CriticStep(Tensor real, int[] labels);

    /// <summary>Updates the generator on a batch of <paramref name="batchSize"/> fresh samples.</summary>
    public abstract StepLosses GeneratorStep(int batchSize);

    /// <summary>The generator's output for noise <paramref name="z"/> and labels (ignored if unconditional).</summary>
    public abstract Tensor Generate(Tensor z, int[] labels);

    /// <summary>The networks by name ("generator", "discriminator", ...), for checkpoints and modes.</summary>
    public abstract IEnumerable<(string Name, Module Module)> Networks();

    /// <summary>The optimizers by name, for checkpoints.</summary>
    public abstract IEnumerable<(string Name, Optimizer Optimizer)> Optimizers();

    /// <summary>The network that <see cref="Generate"/> runs (put in eval mode when sampling).</summary>
    protected abstract Module Generator { get; }

    /// <summary>
    /// <paramref name="count"/> samples in <see cref="Range"/>, shape [count, C, H, W], made in eval
    /// mode without a graph, with labels drawn uniformly when none are given for a conditional model.
    /// </summary>
    public Tensor Sample(int count, int[]? labels, Rng rng)
    {
        if (labels is not null && labels.Length != count)
            throw new ArgumentException($"{labels.Length} labels given for {count} samples");
        labels ??= IsConditional ? RandomLabels(count, rng) : new int[count];
        foreach (var y in labels)
            if (y < 0 || y >= Math.Max(1, Spec.ClassCount))
                throw new ArgumentOutOfRangeException(nameof(labels), $"class {y} is out of range: the model knows {Spec.ClassCount} classes");
        var z = NoiseFrom(rng, count);
        var wasTraining = Generator.Training;
        Generator.Eval();
        try
        {
            using (Autograd.NoGrad()) return Generate(z, labels).Reshape(count, Spec.Channels, Spec.Height, Spec.Width);
        }
        finally
        {
            Generator.Train(wasTraining);
        }
    }

    /// <summary>Latent noise for <paramref name="count"/> samples (N(0, 1) by default).</summary>
    protected virtual Tensor NoiseFrom(Rng rng, int count) => Tensor.Randn(rng, [count, LatentDim]);

    protected Tensor Noise(int count) => NoiseFrom(Rng, count);

    protected int[] RandomLabels(int count, Rng rng)
    {
        var labels = new int[count];
        for (var i = 0; i < count; i++) labels[i] = rng.NextInt(Spec.ClassCount);
        return labels;
    }

    protected int[] RandomLabels(int count) => RandomLabels(count, Rng);

    /// <summary>Freezes or unfreezes a network (its parameters stop or start collecting gradients).</summary>
    protected static void SetTrainable(Module module, bool trainable)
    {
        foreach (var p in module.Parameters()) p.RequiresGrad_(trainable);
    }
}
