using GanAugment.Gans.Models;
using GanAugment.Gans.Options;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>What a model's own observers get to write its extra outputs (BAGAN's <c>cmp_class</c> grids, latent plots).</summary>
/// <param name="Tag">A label for file names, such as the minority class a run was cut for ("none" when nothing was cut).</param>
public sealed record ModelOutputs(RunDirectory Run, TrainingData Data, TrainerOptions Trainer, string Tag);

/// <summary>
/// One model of the zoo, as the model's own file registers it: name, one-line summary, the
/// modalities it accepts, its options (typed, with description and default), how to build it, and
/// the extra outputs it writes as its own observers.
/// </summary>
public abstract class ModelEntry(string name, string summary, IReadOnlyList<Modality> modalities)
{
    public string Name { get; } = name;

    public string Summary { get; } = summary;

    public IReadOnlyList<Modality> Modalities { get; } = modalities;

    /// <summary>The options with their defaults.</summary>
    public abstract IReadOnlyList<OptionInfo> Options { get; }

    /// <summary>
    /// The model for <paramref name="spec"/> with its defaults and <paramref name="options"/>
    /// (<c>name=value</c>, as typed after <c>--option</c> or stored in a run); a bad option or a
    /// modality the model does not take is an <see cref="OptionException"/> or an
    /// <see cref="ArgumentException"/> with a one-line message.
    /// </summary>
    public abstract GanModel Create(DataSpec spec, IEnumerable<KeyValuePair<string, string>> options, Rng rng);

    /// <summary>The options of a model built from this entry as <c>name=value</c> text.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string>> Values(GanModel model);

    /// <summary>The model's own observers (none for most models).</summary>
    public abstract IEnumerable<ITrainingObserver> Outputs(ModelOutputs context);

    protected void CheckModality(DataSpec spec)
    {
        if (!Modalities.Contains(spec.Modality))
            throw new ArgumentException($"model '{Name}' takes {string.Join(" or ", Modalities.Select(Describe))}, not {Describe(spec.Modality)}");
    }

    public static string Describe(Modality modality) => modality switch
    {
        Modality.Images => "images",
        Modality.Table => "tables",
        Modality.Sequences => "sequences",
        _ => "image pairs",
    };
}

/// <summary>A zoo entry whose options are the record <typeparamref name="TOptions"/>.</summary>
public sealed class ModelEntry<TOptions>(
    string name,
    string summary,
    IReadOnlyList<Modality> modalities,
    OptionSchema<TOptions> schema,
    TOptions defaults,
    Func<DataSpec, TOptions, Rng, GanModel> create,
    Func<ModelOutputs, IEnumerable<ITrainingObserver>>? outputs = null) : ModelEntry(name, summary, modalities) where TOptions : class
{
    public OptionSchema<TOptions> Schema { get; } = schema;

    public TOptions Defaults { get; } = defaults;

    public override IReadOnlyList<OptionInfo> Options => Schema.Describe(Defaults);

    public override GanModel Create(DataSpec spec, IEnumerable<KeyValuePair<string, string>> options, Rng rng)
    {
        CheckModality(spec);
        TOptions typed;
        try
        {
            typed = Schema.Apply(Defaults, options);
        }
        catch (OptionException e)
        {
            throw new OptionException($"model '{Name}' {e.Message}");
        }
        return create(spec, typed, rng);
    }

    /// <summary>The model for <paramref name="spec"/> with a typed options record.</summary>
    public GanModel Create(DataSpec spec, TOptions options, Rng rng)
    {
        CheckModality(spec);
        return create(spec, options, rng);
    }

    public override IReadOnlyList<KeyValuePair<string, string>> Values(GanModel model) =>
        Schema.Values(model.Options as TOptions ?? throw new ArgumentException($"model '{model.Name}' is not a '{Name}'"));

    public override IEnumerable<ITrainingObserver> Outputs(ModelOutputs context) => outputs?.Invoke(context) ?? [];
}

/// <summary>The named models (<c>ganaug models</c>), each registered by its own file.</summary>
public static class GanZoo
{
    public static IReadOnlyList<ModelEntry> Models { get; } =
        [MlpGan.Entry, Dcgan.Entry, Dcgan.ConditionalEntry, AcGan.Entry, Wgan.Entry, WganGp.Entry, Bagan.Entry,
         TableWganGp.Entry, TableWganGp.GanEntry, Rcgan.Entry, Rcgan.UnconditionalEntry,
         InfoGan.Entry, Bigan.Entry, Aae.Entry,
         Dagan.Entry];

    public static ModelEntry Find(string name) =>
        Models.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"unknown model '{name}'; known models: {string.Join(", ", Models.Select(m => m.Name))}");

    /// <summary>The entry called <paramref name="name"/>, or null (a model defined outside the zoo, such as a test fixture).</summary>
    public static ModelEntry? TryFind(string name) => Models.FirstOrDefault(m => m.Name == name);

    /// <summary>Builds the model <paramref name="name"/> for <paramref name="spec"/> with <c>name=value</c> options.</summary>
    public static GanModel Create(string name, DataSpec spec, IEnumerable<KeyValuePair<string, string>> options, Rng rng) =>
        Find(name).Create(spec, options, rng);
}
