using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.Plot;

/// <summary>The options and help of <c>ganaug plot</c>.</summary>
internal static class PlotCommandDefinition
{
    public static readonly Argument<string> Run = RunArgument.Create("Run directory written by `ganaug train`");

    public static readonly Option<string?> Out = new("--out")
    {
        Description = "Folder to write the charts to (default: the run directory)",
        HelpName = "dir",
    };

    public static readonly Command Command = new("plot", """
        Draw a run's curves as PNG line charts: losses.png (each loss's mean per epoch, from
        epoch_losses.csv) and stats.png (generated vs real pixel mean and std per epoch, from
        stats.csv; skipped when the run was trained with --stats-samples 0).

        Examples:
          ganaug plot runs/demo
          ganaug plot runs/demo --out reports/demo
        """)
    {
        Run, Out,
    };
}
