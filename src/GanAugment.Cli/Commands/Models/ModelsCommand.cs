using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Rendering;
using GanAugment.Data.Catalogue;
using GanAugment.Gans;
using GanAugment.Gans.Options;
using GanAugment.NN;
using Def = GanAugment.Cli.Commands.Models.ModelsCommandDefinition;

namespace GanAugment.Cli.Commands.Models;

/// <summary>
/// <c>ganaug models</c>: the zoo as a table (name, data, description, options with defaults and
/// what they do); <c>ganaug models NAME</c>: one model's options; with <c>--summary</c> the layer
/// table of each of its networks for a data set.
/// </summary>
internal static class ModelsCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        if (parse.GetValue(Def.Name) is not { } name)
        {
            if (parse.GetValue(Def.Summary)) throw UsageException.For("--summary", "needs a model name, e.g. `ganaug models gan --summary`");
            return ListAll(context);
        }
        ModelEntry entry;
        try
        {
            entry = GanZoo.Find(name);
        }
        catch (ArgumentException e)
        {
            throw UsageException.For("<name>", e.Message);
        }
        context.Out.WriteLine($"{entry.Name}: {entry.Summary}");
        context.Out.WriteLine($"data: {string.Join(", ", entry.Modalities.Select(ModelEntry.Describe))}");
        var options = Tables.Create("option", "default", "type", "meaning");
        foreach (var o in entry.Options) options.AddTextRow(o.Name, o.Default, o.Type, o.Description);
        ConsoleFactory.Create(context).Write(options);
        if (parse.GetValue(Def.Summary)) WriteSummary(parse, context, entry);
        return ExitCodes.Success;
    }

    private static int ListAll(CliContext context)
    {
        var table = Tables.Create("model", "data", "description", "options (default, type: meaning)");
        foreach (var model in GanZoo.Models)
        {
            var options = string.Join("\n", model.Options.Select(o => $"{o.Name}={o.Default} ({o.Type}): {o.Description}"));
            table.AddTextRow(model.Name, string.Join(", ", model.Modalities.Select(ModelEntry.Describe)), model.Summary, options);
        }
        ConsoleFactory.Create(context).Write(table);
        return ExitCodes.Success;
    }

    /// <summary>Builds the model for the data and prints, per network, the layers one recorded forward pass went through.</summary>
    private static void WriteSummary(ParseResult parse, CliContext context, ModelEntry entry)
    {
        var selection = DataSelection.FromOptions(parse.GetRequiredValue(Def.Data), parse.GetValue(Def.DataPath));
        var images = selection.Load(DatasetCatalogue.CreateBuiltIn(), context).Train;
        TrainingData data = entry.Modalities.Contains(Modality.Images) ? new ImageData(images) : new ImagePairData(images);
        GanModel model;
        try
        {
            model = entry.Create(data.Spec, parse.GetValue(Def.Options) ?? new Dictionary<string, string>(), new Tensors.Rng(0));
        }
        catch (OptionException e)
        {
            throw UsageException.For("--option", e.Message);
        }
        catch (ArgumentException e)
        {
            throw UsageException.For("--data", e.Message);
        }
        var batch = data.Batch([.. Enumerable.Range(0, Math.Min(2, data.Count))], model.Range, 0);
        context.Out.WriteLine($"networks of {model.Name} for {selection} ({data.Spec.Describe(data.Count)}):");
        foreach (var (name, network) in model.Networks())
        {
            if (!network.Parameters().Any()) continue;
            var summary = ModuleSummary.Of(network, () => model.SummaryPass(batch));
            context.Out.WriteLine();
            context.Out.WriteLine($"{name}:");
            context.Out.Write(summary.Format());
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all networks: {model.Networks().Sum(n => n.Module.Parameters().Sum(p => (long)p.Numel)):N0} trainable parameters"));
    }
}
