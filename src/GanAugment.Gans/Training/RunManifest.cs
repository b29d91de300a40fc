using System.Text.Json.Serialization;
using GanAugment.Tensors;

namespace GanAugment.Gans.Training;

/// <summary>
/// What a run directory's <c>options.json</c> holds: enough to rebuild the model without the data
/// (model name, its options as <c>name=value</c> text, the data's spec) and to continue training
/// (data set, trainer options, seed).
/// </summary>
public sealed record RunManifest(
    string Model,
    IReadOnlyDictionary<string, string> ModelOptions,
    string Data,
    DataSpec Spec,
    TrainerOptions Trainer)
{
    public static RunManifest For(GanModel model, string data, TrainerOptions trainer) =>
        new(model.Name, GanZoo.Find(model.Name).Values(model).ToDictionary(), data, model.Spec, trainer);

    /// <summary>Builds the model this manifest describes (weights freshly initialised; load a checkpoint next).</summary>
    public GanModel CreateModel() => GanZoo.Create(Model, Spec, ModelOptions, new Rng(Trainer.Seed));

    [JsonIgnore]
    public ImageSpec Images => Spec as ImageSpec ?? (Spec as ImagePairSpec)?.Image
        ?? throw new InvalidOperationException($"the run trained '{Model}' on {ModelEntry.Describe(Spec.Modality)}, not images");
}
