using System.Text.Json;

namespace GanAugment.Gans.Training;

/// <summary>
/// What a run directory's <c>options.json</c> holds: enough to rebuild the model without the data
/// (model name and options, image shape and class names) and to continue training (data set,
/// trainer options, seed).
/// </summary>
public sealed record RunManifest(
    string Model,
    JsonElement ModelOptions,
    string Data,
    int Channels,
    int Height,
    int Width,
    IReadOnlyList<string> ClassNames,
    TrainerOptions Trainer)
{
    public ImageSpec Spec => new(Channels, Height, Width, ClassNames);

    public static RunManifest For(GanModel model, string data, TrainerOptions trainer)
    {
        var descriptor = GanZoo.Find(model.Name);
        var options = JsonSerializer.SerializeToElement(model.Options, descriptor.OptionsType);
        return new RunManifest(model.Name, options, data, model.Spec.Channels, model.Spec.Height, model.Spec.Width, model.Spec.ClassNames, trainer);
    }

    /// <summary>Builds the model this manifest describes (weights freshly initialised; load a checkpoint next).</summary>
    public GanModel CreateModel()
    {
        var descriptor = GanZoo.Find(Model);
        var options = GanZoo.OptionsFromJson(descriptor, ModelOptions.GetRawText());
        return descriptor.Create(Spec, options, new Tensors.Rng(Trainer.Seed));
    }
}
