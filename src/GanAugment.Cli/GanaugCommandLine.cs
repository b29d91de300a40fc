using System.CommandLine;
using GanAugment.Cli.Commands.Augment;
using GanAugment.Cli.Commands.Data;
using GanAugment.Cli.Commands.Demo;
using GanAugment.Cli.Commands.Encode;
using GanAugment.Cli.Commands.Evaluate;
using GanAugment.Cli.Commands.Export;
using GanAugment.Cli.Commands.EvaluateFeatures;
using GanAugment.Cli.Commands.EvaluateClusters;
using GanAugment.Cli.Commands.EvaluateImbalance;
using GanAugment.Cli.Commands.EvaluateSeries;
using GanAugment.Cli.Commands.EvaluateTable;
using GanAugment.Cli.Commands.EvaluateFewShot;
using GanAugment.Cli.Commands.EvaluateMerge;
using GanAugment.Cli.Commands.Models;
using GanAugment.Cli.Commands.Plot;
using GanAugment.Cli.Commands.Report;
using GanAugment.Cli.Commands.Sample;
using GanAugment.Cli.Commands.Train;

namespace GanAugment.Cli;

/// <summary>
/// The wiring: the command tree (built once; parsing does not change it, so runs may share it)
/// and the action of each leaf command.
/// </summary>
internal static class GanaugCommandLine
{
    public static readonly RootCommand Root = new("""
        ganaug: train GANs to augment imbalanced and few-shot image data sets, sample them and
        evaluate the samples.

        Examples:
          ganaug models
          ganaug data list
          ganaug train acgan --data mnist-small --epochs 1 --out runs/demo
          ganaug sample runs/demo --count 100 --out runs/demo/grid.png
          ganaug evaluate samples runs/demo --per-class 100
          ganaug plot runs/demo
        """)
    {
        TrainCommandDefinition.Command,
        SampleCommandDefinition.Command,
        AugmentCommandDefinition.Command,
        EvaluateCommandDefinition.Command,
        ModelsCommandDefinition.Command,
        DataCommandDefinition.Command,
        DemoCommandDefinition.Command,
        PlotCommandDefinition.Command,
        EncodeCommandDefinition.Command,
        ExportCommandDefinition.Command,
        ReportCommandDefinition.Command,
    };

    /// <summary>The action of each command that does something (the others only group sub-commands).</summary>
    public static readonly IReadOnlyDictionary<Command, Func<ParseResult, CliContext, int>> Actions =
        new Dictionary<Command, Func<ParseResult, CliContext, int>>
        {
            [TrainCommandDefinition.Command] = TrainCommand.Run,
            [SampleCommandDefinition.Command] = SampleCommand.Run,
            [AugmentCommandDefinition.Command] = AugmentCommand.Run,
            [EvaluateCommandDefinition.Samples] = EvaluateSamplesCommand.Run,
            [EvaluateImbalanceCommandDefinition.Command] = EvaluateImbalanceCommand.Run,
            [EvaluateSeriesCommandDefinition.Command] = EvaluateSeriesCommand.Run,
            [EvaluateTableCommandDefinition.Command] = EvaluateTableCommand.Run,
            [EvaluateClustersCommandDefinition.Command] = EvaluateClustersCommand.Run,
            [EvaluateFewShotCommandDefinition.Command] = EvaluateFewShotCommand.Run,
            [EvaluateMergeCommandDefinition.Command] = EvaluateMergeCommand.Run,
            [ModelsCommandDefinition.Command] = ModelsCommand.Run,
            [DataCommandDefinition.List] = DataListCommand.Run,
            [DataCommandDefinition.Info] = DataInfoCommand.Run,
            [DataCommandDefinition.Show] = DataShowCommand.Run,
            [DemoCommandDefinition.Command] = DemoCommand.Run,
            [PlotCommandDefinition.Command] = PlotCommand.Run,
            [EncodeCommandDefinition.Command] = EncodeCommand.Run,
            [EvaluateFeaturesCommandDefinition.Command] = EvaluateFeaturesCommand.Run,
            [ExportCommandDefinition.Command] = ExportCommand.Run,
            [ReportCommandDefinition.Command] = ReportCommand.Run,
        };
}
