using GanAugment.Data.Writers;
using GanAugment.Gans.Training;
using GanAugment.NN;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// What every GAN gives the <see cref="Training.GanTrainer"/>: one critic (discriminator) step and
/// one generator step, both on the real batch (a model may ignore it), its pretraining phases,
/// sampling under a <see cref="Condition"/>, and its state for checkpoints. The trainer owns the
/// loop, the critic schedule (<see cref="CriticSteps"/> critic steps per generator step),
/// checkpoints and cancellation; a model only describes its steps (Keras' <c>train_step</c>).
/// </summary>
public abstract class GanModel
{
    protected GanModel(DataSpec spec, Rng rng)
    {
        Spec = spec;
        Rng = rng;
    }

    /// <summary>The model's name in the zoo (<c>ganaug models</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The data the model was built for.</summary>
    public DataSpec Spec { get; }

    /// <summary>
    /// The model's own random stream (noise, labels, dropout masks, interpolation weights). It is
    /// saved in checkpoints so a resumed run continues bit for bit.
    /// </summary>
    public Rng Rng { get; }

    public abstract int LatentDim { get; }

    /// <summary>What the generator is given besides noise.</summary>
    public abstract ConditionKind Conditioning { get; }

    /// <summary>Whether samples can be asked for a class.</summary>
    public bool TakesLabels => Conditioning == ConditionKind.Labels;

    /// <summary>The range of the generator's output and of the real batches it is trained on.</summary>
    public virtual PixelRange Range => PixelRange.MinusOneToOne;

    /// <summary>Critic updates per generator update (n_critic of WGAN; 1 for the others).</summary>
    public virtual int CriticSteps => 1;

    /// <summary>How many real items one critic step takes out of a batch of <paramref name="batchSize"/>.</summary>
    public virtual int RealPerStep(int batchSize) => batchSize;

    /// <summary>The options record (its zoo entry turns it into <c>name=value</c> pairs for run directories and checkpoints).</summary>
    public abstract object Options { get; }

    /// <summary>The phases the trainer runs before the adversarial epochs (BAGAN's autoencoder); none for most models.</summary>
    public virtual IReadOnlyList<TrainingPhase> Phases(TrainerOptions options) => [];

    /// <summary>Updates the critic on a batch of real data.</summary>
    public abstract StepLosses CriticStep(RealBatch real);

    /// <summary>Updates the generator; <paramref name="real"/> is the critic step's batch (used by models with an encoder or a source image).</summary>
    public abstract StepLosses GeneratorStep(RealBatch real, int batchSize);

    /// <summary>The generator's output for noise <paramref name="z"/> under <paramref name="condition"/>.</summary>
    public Tensor Generate(Tensor z, Condition condition)
    {
        var items = RunGenerator(z, condition);
        ConditionAudit.Generated(items, condition);
        return items;
    }

    /// <summary>The generator network applied to noise and condition (what <see cref="Generate"/> returns).</summary>
    protected abstract Tensor RunGenerator(Tensor z, Condition condition);

    /// <summary>Marks that the critic sees <paramref name="items"/> as of classes <paramref name="labels"/> (input planes or class targets); returns the items.</summary>
    protected static Tensor Judged(Tensor items, int[] labels)
    {
        ConditionAudit.Judged(items, labels);
        return items;
    }

    /// <summary>
    /// Runs every network once on <paramref name="real"/> (and on generated items), updating
    /// nothing: the pass <c>ganaug models --summary</c> records, layer by layer. By default the
    /// generator only; models override it to reach their critics and encoders.
    /// </summary>
    public virtual void SummaryPass(RealBatch real) => Generate(Noise(real.Count), Complete(DrawCondition(real.Count, Rng), Rng));

    /// <summary>The networks by name ("generator", "discriminator", ...), for checkpoints and modes.</summary>
    public abstract IEnumerable<(string Name, Module Module)> Networks();

    /// <summary>The optimizers by name, for checkpoints.</summary>
    public abstract IEnumerable<(string Name, Optimizer Optimizer)> Optimizers();

    /// <summary>The network that <see cref="Generate"/> runs (put in eval mode when sampling).</summary>
    protected abstract Module Generator { get; }

    /// <summary>
    /// <paramref name="count"/> items in <see cref="Range"/>, shape [count, ..item shape], made in
    /// eval mode without a graph; a model draws its own condition when none is given (labels
    /// uniformly for a labelled model).
    /// </summary>
    public Tensor Sample(int count, Rng rng, Condition? condition = null)
    {
        if (condition?.Count is { } n && n != count)
            throw new ArgumentException($"a condition for {n} samples was given for {count} samples");
        var (z, drawn) = DrawInputs(count, rng, condition);
        return SampleFrom(z, drawn);
    }

    /// <summary>
    /// The noise and condition that <see cref="Sample(int, Rng, Condition?)"/> gives the generator,
    /// drawn from <paramref name="rng"/> in the same order (the condition first when none is given,
    /// then the noise), so that another engine (ONNX Runtime) fed with them makes the same samples.
    /// </summary>
    public (Tensor Noise, Condition Condition) DrawInputs(int count, Rng rng, Condition? condition = null)
    {
        condition = Complete(condition ?? DrawCondition(count, rng), rng);
        if (condition is LabelCondition { Labels: var labels })
            foreach (var y in labels)
                if (y < 0 || y >= Math.Max(1, Spec.ClassCount))
                    throw new ArgumentOutOfRangeException(nameof(condition), $"class {y} is out of range: the model knows {Spec.ClassCount} classes");
        return (NoiseFrom(rng, count), condition);
    }

    /// <summary>
    /// <paramref name="condition"/> with what the model draws itself filled in from
    /// <paramref name="rng"/> (the static attributes of series a model was conditioned on);
    /// a complete condition comes back as it is. <see cref="DrawInputs"/> calls it, so a caller
    /// that needs the drawn part (to write it out) completes the condition first and passes it on.
    /// </summary>
    public virtual Condition Complete(Condition condition, Rng rng) => condition;

    /// <summary>The generator's output for <paramref name="noise"/> under <paramref name="condition"/>, in eval mode without a graph: [count, ..item shape].</summary>
    public Tensor SampleFrom(Tensor noise, Condition condition) =>
        Generator.Evaluated(() => Generate(noise, condition).Reshape([noise.Size(0), .. Spec.ItemShape]));

    /// <summary>
    /// The generator as ONNX: its named inputs and the wiring of its networks (see
    /// <see cref="Export.GeneratorOnnx"/>); null for a model that has no export.
    /// </summary>
    public virtual Export.GeneratorOnnx? OnnxGenerator() => null;

    /// <summary>Samples with class labels (uniform labels when null and the model takes labels).</summary>
    public Tensor Sample(int count, int[]? labels, Rng rng) => Sample(count, rng, labels is null ? null : Condition.Of(labels));

    /// <summary>The condition a model gives itself when sampling without one.</summary>
    protected virtual Condition DrawCondition(int count, Rng rng) => Conditioning switch
    {
        ConditionKind.None => Condition.Of(new int[count]),
        ConditionKind.Labels => Condition.Of(RandomLabels(count, rng)),
        var kind => throw new ArgumentException($"model '{Name}' generates from a {kind.ToString().ToLowerInvariant()} condition; give one"),
    };

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

    /// <summary>
    /// One optimizer update of <paramref name="loss"/> for the optimizer's own parameters only:
    /// the gradient flows through the other networks (G's loss through D) without being stored in
    /// them, so nothing needs freezing and nothing can be left frozen by an exception.
    /// </summary>
    protected static float Update(Optimizer optimizer, Tensor loss)
    {
        optimizer.ZeroGrad();
        Autograd.Backward(loss, optimizer.Parameters);
        optimizer.Step();
        return loss.Item();
    }
}
