using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.EvaluateTable;

/// <summary>The options and help of <c>ganaug evaluate table</c>.</summary>
internal static class EvaluateTableCommandDefinition
{
    public static readonly Argument<string> Synthetic = new("synthetic")
    {
        Description = "A run directory of a table model (its rows are sampled here) or a synthetic table (.csv, .arff, .parquet)",
        HelpName = "run dir|synthetic.csv|.arff",
    };

    public static readonly Option<string> Real = new("--real")
    {
        Description = "Real held-out rows (.csv, .arff, .parquet, FANN .data/.train/.test) that the model never saw",
        HelpName = "file",
        Required = true,
    };

    public static readonly Option<string?> Train = new("--train")
    {
        Description = "The real training rows (default for a run: the file it was trained on); enables TRTR, class agreement and the privacy check",
        HelpName = "file",
    };

    public static readonly Option<string?> Target = new("--target")
    {
        Description = "The class column (default for a run: the column it was conditioned on)",
        HelpName = "column",
    };

    public static readonly Option<int?> Count = CliOptions.OptionalInt("--count", "Rows sampled from a run (default: as many as the training table has)", min: 10);

    public static readonly Option<ulong> Seed = CliOptions.Seed("Seed of the sampled rows, the classifiers and the detection folds");

    public static readonly Option<string?> Checkpoint = new("--checkpoint")
    {
        Description = "Checkpoint of the run to sample (default: <run>/checkpoints/last.safetensors)",
        HelpName = "file",
    };

    public static readonly Option<string> Out = new("--out")
    {
        Description = "Folder for report.md, report.json and columns/*.png (the sampled rows too, as synthetic.csv, .arff or .parquet)",
        HelpName = "dir",
        Required = true,
    };

    public static readonly Option<int?> Threads = CliOptions.OptionalInt("--threads", "Threads for the tensor kernels while sampling (default: all cores)", min: 1);

    public static readonly Command Command = new("table", """
        Score synthetic table rows against real held-out rows, as SDMetrics does: KSComplement
        per numeric column and TVComplement per categorical one; CorrelationSimilarity per numeric
        pair and ContingencySimilarity per other pair; detection (3-fold logistic regression telling
        real from synthetic, ROC AUC, 0.5 is ideal); machine-learning efficacy for the target with
        ML.NET gradient-boosted trees (LightGBM) and logistic regression, trained on synthetic
        (TSTR) and on real (TRTR) rows, tested on the held-out rows: accuracy, macro-F1, ROC AUC;
        per class, the share of synthetic rows that trees trained on real rows assign to their
        class, next to that share for held-out rows; and privacy: the median distance to the
        closest real training row of synthetic rows against held-out rows (flagged when the
        synthetic rows are closer). Writes report.md, report.json and a histogram per column.

        Examples:
          ganaug evaluate table runs/credit --real credit-test.arff --out runs/credit/eval
          ganaug evaluate table synthetic.csv --real test.csv --train train.csv --target class --out eval
        """)
    {
        Synthetic, Real, Train, Target, Count, Seed, Checkpoint, Out, Threads,
    };
}
