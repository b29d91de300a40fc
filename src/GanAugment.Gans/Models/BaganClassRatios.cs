using GanAugment.NN;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>How BAGAN draws the classes of the samples it generates for D's or G's updates.</summary>
public enum ClassSampling
{
    /// <summary>Every class with probability 1/C (the reference's default).</summary>
    Uniform,

    /// <summary>Class c with probability ∝ max(0, 2/C − p_c), p_c its share of the training set: rare classes more often.</summary>
    Rebalance,

    /// <summary>
    /// Class c with probability p_c, its share of the training set, so that every class has the
    /// same ratio of generated to real images in D's updates and a rare class gets few of G's.
    /// Not in the reference. Measured, not derived: in a 2 + 2-epoch run on MNIST with digit 0 cut
    /// to 2.5 %, <see cref="Uniform"/> draws (and proportional draws for D alone) left the
    /// generated zeros covered with texture, proportional draws for D and G left them clean.
    /// </summary>
    Proportional,
}

/// <summary>
/// The class ratios of BAGAN's D and G updates (<c>_set_class_ratios</c> of the reference):
/// uniform 1/C, or rebalance 2/C − p_c with negative ratios set to 0 and the rest renormalised;
/// and the training set's own shares p_c (proportional, our addition).
/// The ratios are buffers, fitted with the class counts at the end of pretraining.
/// </summary>
public sealed class BaganClassRatios : Module
{
    private readonly Tensor _discriminator;
    private readonly Tensor _generator;

    public BaganClassRatios(int classes)
    {
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), $"need at least one class, got {classes}");
        _discriminator = Tensor.Full(1f / classes, classes);
        _generator = Tensor.Full(1f / classes, classes);
    }

    /// <summary>The class probabilities of D's generated samples.</summary>
    public IReadOnlyList<float> Discriminator => _discriminator.ToArray();

    /// <summary>The class probabilities of G's samples.</summary>
    public IReadOnlyList<float> Generator => _generator.ToArray();

    /// <summary>Sets both ratios from the training set's <paramref name="classCounts"/>.</summary>
    public void Fit(ClassSampling discriminator, ClassSampling generator, IReadOnlyList<int> classCounts)
    {
        if (classCounts.Count != _discriminator.Numel)
            throw new ArgumentException($"{classCounts.Count} class counts for {_discriminator.Numel} classes");
        Ratios(discriminator, classCounts).CopyTo(_discriminator.AsSpan());
        Ratios(generator, classCounts).CopyTo(_generator.AsSpan());
    }

    /// <summary>Class probabilities for <paramref name="mode"/> given the class counts of the training set.</summary>
    public static float[] Ratios(ClassSampling mode, IReadOnlyList<int> classCounts)
    {
        var classes = classCounts.Count;
        var total = classCounts.Sum();
        if (classes < 1 || total <= 0) throw new ArgumentException("class ratios need at least one class and one image");
        var ratios = new double[classes];
        for (var c = 0; c < classes; c++)
            ratios[c] = mode switch
            {
                ClassSampling.Uniform => 1.0 / classes,
                ClassSampling.Rebalance => Math.Max(0, 2.0 / classes - (double)classCounts[c] / total),
                ClassSampling.Proportional => (double)classCounts[c] / total,
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown class sampling"),
            };
        var sum = ratios.Sum();
        return [.. ratios.Select(r => (float)(r / sum))];
    }

    /// <summary><paramref name="count"/> labels drawn from <paramref name="ratios"/> by inverse CDF.</summary>
    public static int[] Draw(IReadOnlyList<float> ratios, int count, Rng rng)
    {
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var u = rng.NextDouble();
            var c = 0;
            for (var cumulative = (double)ratios[0]; u >= cumulative && c < ratios.Count - 1; cumulative += ratios[++c]) { }
            labels[i] = c;
        }
        return labels;
    }

    /// <summary>Labels for D's generated samples.</summary>
    public int[] DrawForDiscriminator(int count, Rng rng) => Draw(Discriminator, count, rng);

    /// <summary>Labels for G's samples.</summary>
    public int[] DrawForGenerator(int count, Rng rng) => Draw(Generator, count, rng);
}
