using GanAugment.Cli.Infrastructure;
using GanAugment.Evaluation.Imbalance;
using GanAugment.Gans;

namespace GanAugment.Cli.Commands.EvaluateImbalance;

/// <summary>
/// The generators of the protocol as the CLI trains them by default: a small BAGAN (width 16,
/// dense 128, encoder 8, latent 32; the reference's adversarial Adam 5e-5 but 1e-3 for the
/// autoencoder, which at 5e-5 needs the reference's 150 epochs to converge; generated classes
/// drawn in proportion to the training set for D and G, see <see cref="GanAugment.Gans.Models.ClassSampling.Proportional"/>:
/// with the reference's uniform draw the 2-epoch schedule covers the minority class's samples with
/// texture), the AC-GAN of its seed, and a DCGAN of width 32 per minority class; any option can be
/// overridden by name.
/// </summary>
internal static class ImbalanceDefaults
{
    public static readonly IReadOnlyDictionary<string, string> Bagan = new Dictionary<string, string>
    {
        ["width"] = "16", ["dense-width"] = "128", ["encoder-width"] = "8", ["latent-dim"] = "32", ["autoencoder-learning-rate"] = "1e-3",
        ["discriminator-sampling"] = "proportional", ["generator-sampling"] = "proportional",
    };

    public static readonly IReadOnlyDictionary<string, string> Gan = new Dictionary<string, string> { ["width"] = "32" };

    /// <summary>The experiment with its three generator schedules, the user's overrides on top of these defaults.</summary>
    public static ImbalanceExperiment WithGenerators(ImbalanceExperiment experiment, int epochs, int maxSteps, string ganModel,
        IReadOnlyDictionary<string, string> bagan, IReadOnlyDictionary<string, string> acgan, IReadOnlyDictionary<string, string> gan)
    {
        var descriptor = GanZoo.Models.FirstOrDefault(m => m.Name == ganModel)
            ?? throw UsageException.For("--gan-model", $"unknown model '{ganModel}'; known models: {string.Join(", ", GanZoo.Models.Select(m => m.Name))}");
        if (!descriptor.Modalities.Contains(Modality.Images) || Probe(descriptor).Conditioning != ConditionKind.None) throw UsageException.For("--gan-model", $"'{ganModel}' is conditional; the GAN baseline is an unconditional model trained on one class (dcgan, gan, wgan, wgan-gp)");
        return experiment with
        {
            Bagan = Schedule("bagan", Merge(Bagan, bagan), epochs, maxSteps, 32, "--bagan-option"),
            AcGan = Schedule("acgan", acgan, epochs, maxSteps, 64, "--acgan-option"),
            Gan = Schedule(ganModel, Merge(ganModel == "dcgan" ? Gan : new Dictionary<string, string>(), gan), epochs, maxSteps, 32, "--gan-option"),
        };
    }

    /// <summary>The experiment with TensorBoard event files on or off (<c>--no-tensorboard</c>) for every generator run.</summary>
    public static ImbalanceExperiment WithTensorBoard(ImbalanceExperiment experiment, bool on) => experiment with
    {
        Bagan = experiment.Bagan with { TensorBoard = on },
        AcGan = experiment.AcGan with { TensorBoard = on },
        Gan = experiment.Gan with { TensorBoard = on },
    };

    private static GeneratorSchedule Schedule(string model, IReadOnlyDictionary<string, string> options, int epochs, int maxSteps, int batch, string option)
    {
        try
        {
            GanZoo.Find(model).Create(ProbeSpec, options, new Tensors.Rng(0));
        }
        catch (ArgumentException e)
        {
            throw UsageException.For(option, e.Message);
        }
        return new GeneratorSchedule(model) { Options = options, Epochs = epochs, MaxStepsPerEpoch = maxSteps, BatchSize = batch };
    }

    // NOTE: the schedule's options are checked by building the model once for a small image spec.
    private static readonly ImageSpec ProbeSpec = new(1, 28, 28, ["a", "b"]);

    private static GanModel Probe(ModelEntry model) => model.Create(ProbeSpec, [], new Tensors.Rng(0));

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string> overrides)
    {
        static string Key(string k) => k.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        var merged = defaults.Where(d => !overrides.Keys.Any(k => Key(k) == Key(d.Key))).ToDictionary(d => d.Key, d => d.Value);
        foreach (var (k, v) in overrides) merged[k] = v;
        return merged;
    }
}
