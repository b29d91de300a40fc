using System.CommandLine;

namespace GanAugment.Cli.Commands.Report;

/// <summary>The options and help of <c>ganaug report</c>.</summary>
internal static class ReportCommandDefinition
{
    public static readonly Argument<string> Folder = new("folder")
    {
        Description = "A run directory (the --out of `ganaug train`) or an evaluation folder (the --out of `evaluate imbalance`, `table`, `series`, `fewshot` or `merge`)",
        HelpName = "run or evaluation folder",
    };

    public static readonly Option<string?> Out = new("--out")
    {
        Description = "HTML file to write (default: report.html in the folder)",
        HelpName = "file",
    };

    public static readonly Command Command = new("report", """
        Write one self-contained HTML file (images inlined, no external files) that a colleague
        can open anywhere. For a run: its options, the loss curves (per step, smoothed, per epoch),
        the statistics against the real data, the sample grids of every epoch with a time-lapse
        player, the model's own plots (BAGAN class comparisons, latent plots, traversals, series
        and table charts) and real images of the data set beside the last generated grid. For an
        evaluation folder: its tables (with their p-values) and its charts.

        Examples:
          ganaug report runs/demo
          ganaug report runs/imbalance --out imbalance.html
        """)
    {
        Folder, Out,
    };
}
