using System.CommandLine;
using GanAugment.Cli.Commands.EvaluateImbalance;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Catalogue;
using GanAugment.Evaluation.Imbalance;
using GanAugment.Gans;
using Def = GanAugment.Cli.Commands.Demo.DemoCommandDefinition;

namespace GanAugment.Cli.Commands.Demo;

/// <summary>
/// <c>ganaug demo</c>: the imbalance protocol on mnist-small, digit 0 kept at u = 0.05, Plain
/// against SMOTE and a small BAGAN, with a schedule that fits in a few minutes on two cores.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The demo's experiment: <paramref name="epochs"/> autoencoder and adversarial epochs of the protocol's small BAGAN.</summary>
    public static ImbalanceExperiment Experiment(int seeds, int epochs) =>
        ImbalanceDefaults.WithGenerators(new ImbalanceExperiment
        {
            TargetClasses = [0],
            Keep = 0.05,
            Seeds = seeds,
            Methods = [ImbalanceMethod.Plain, ImbalanceMethod.Smote, ImbalanceMethod.Bagan],
            Classifier = new ClassifierOptions(),
        }, epochs, maxSteps: 0, "dcgan", new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());

    public static int Run(ParseResult parse, CliContext context)
    {
        var gridScale = ImbalanceSettings.GridScale(parse.GetValue(Def.GridScale));
        if (parse.GetValue(Def.Threads) is { } threads) EngineSettings.Threads = threads;
        var data = DataSelection.FromOptions("mnist-small", parse.GetValue(Def.DataPath));
        var split = data.Load(DatasetCatalogue.CreateBuiltIn(), context, option: "--path");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var experiment = ImbalanceDefaults.WithTensorBoard(Experiment(parse.GetValue(Def.Seeds), parse.GetValue(Def.Epochs)), !parse.GetValue(Def.NoTensorBoard)) with { GridScale = gridScale };
        var done = EvaluateImbalanceCommand.RunProtocol(context, experiment, split, data, parse.GetValue(Def.Out)!);
        EvaluateImbalanceCommand.Report(context, done);
        context.Out.WriteLine($"demo done in {Rendering.ProgressText.Duration(clock.Elapsed)} (m:ss)");
        return ExitCodes.Success;
    }
}
