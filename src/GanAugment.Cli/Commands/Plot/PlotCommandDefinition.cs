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

    public static readonly Option<double> Smoothing = new("--smoothing")
    {
        Description = "Weight w of the exponential moving average drawn over the per-step losses, in [0, 1): 0 draws the raw values, 0.99 a very smooth curve (TensorBoard's slider)",
        HelpName = "w",
        DefaultValueFactory = _ => GanAugment.Data.Writers.Charts.Smoothing.DefaultWeight,
    };

    public static readonly Command Command = new("plot", """
        Draw a run's curves as PNG charts: losses.png (every adversarial loss per step from
        losses.csv, faint, with its exponential moving average (--smoothing) as a line and each
        epoch's mean from epoch_losses.csv as a dot), <phase>_losses.png for each pretraining
        phase that wrote <phase>_losses.csv (BAGAN's autoencoder: its loss per epoch), and
        stats.png (generated vs real pixel mean and std per epoch, from stats.csv; skipped when
        the run was trained with --stats-samples 0).

        Examples:
          ganaug plot runs/demo
          ganaug plot runs/demo --smoothing 0.9 --out reports/demo
        """)
    {
        Run, Out, Smoothing,
    };
}
