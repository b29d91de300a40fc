using System.CommandLine;
using GanAugment.Cli.Infrastructure;
using GanAugment.Gans;

namespace GanAugment.Cli.Commands.Train;

/// <summary>The options and help of <c>ganaug train</c>.</summary>
internal static class TrainCommandDefinition
{
    public static readonly Argument<string> Model = ModelArgument();

    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data set: a catalogue name (mnist, fashion-mnist, mnist-small, ...; see `ganaug data list`), a folder of MNIST-layout IDX files, an image folder (class sub-folders NN-name/ of PNG/JPEG/BMP/PGM files, optionally under train/ and test/), a table (.csv, .arff, .parquet, FANN .data), a built-in series set (waves, sines; co2: yearly CO2 cycles from Debian's python3-statsmodels) or a series CSV with --series",
        HelpName = "name|folder|file",
    };

    public static readonly Option<string?> Target = new("--target")
    {
        Description = "With a table: the class column (default: the file's label column, e.g. ARFF's class attribute)",
        HelpName = "column",
    };

    public static readonly Option<string[]> Discrete = new("--discrete")
    {
        Description = "With a table: the numeric columns to model as categories (repeatable or comma-separated; default: text columns and integer columns with at most 10 values)",
        HelpName = "column[,column...]",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<string[]> Attributes = new("--attributes")
    {
        Description = "With series: the static attributes (numbers fixed per series) to condition the model on: columns of a series CSV, or those a built-in set draws (waves: frequency, amplitude, offset, phase; co2: level, year); repeatable or comma-separated",
        HelpName = "name[,name...]",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<string?> Series = new("--series")
    {
        Description = "With a CSV of series: long (id, time, features..., label) or wide (one row per series)",
        HelpName = "long|wide",
    };

    public static readonly Option<string?> DataPath = new("--path")
    {
        Description = "Folder that holds the files of the --data set (nothing else is searched)",
        HelpName = "folder",
    };

    public static readonly Option<int> Epochs = CliOptions.Int("--epochs", "Epochs to train (with --resume: the new total)", 10, min: 1);

    public static readonly Option<int> BatchSize = CliOptions.Int("--batch-size", "Images per generator step", 64, min: 2);

    public static readonly Option<double?> LearningRate = CliOptions.OptionalPositive("--lr", "Learning rate (the model's learning-rate option; default: the paper's)");

    public static readonly Option<int?> LatentDim = CliOptions.OptionalInt("--latent-dim", "Noise dimension (the model's latent-dim option; default: the paper's)", min: 1);

    public static readonly Option<ulong> Seed = CliOptions.Seed("Seed of weights, noise and shuffling; the same seed gives the same run");

    public static readonly Option<string?> Out = new("--out")
    {
        Description = "Run directory (default: runs/<model>-<data>)",
        HelpName = "dir",
    };

    public static readonly Option<int> SampleEvery = CliOptions.Int("--sample-every", "Write a sample grid every N epochs and after the last (0: never)", 1, min: 0);

    public static readonly Option<int> CheckpointEvery = CliOptions.Int("--checkpoint-every", "Write a checkpoint every N epochs (0: only at the end)", 1, min: 0);

    public static readonly Option<int> CheckpointMinutes = CliOptions.Int("--checkpoint-minutes",
        "Also checkpoint mid-epoch once N minutes passed since the last checkpoint, so a hard kill loses at most that (0: never)", GanAugment.Gans.Training.TrainerOptions.DefaultCheckpointMinutes, min: 0);

    public static readonly Option<int> KeepCheckpoints = CliOptions.Int("--keep-checkpoints",
        "Keep the checkpoint of every k-th epoch (and last.safetensors, and the final epoch's); 0: only those two", GanAugment.Gans.Training.TrainerOptions.DefaultKeepCheckpoints, min: 0);

    public static readonly Option<int> MaxSteps = CliOptions.Int("--max-steps", "Cap on steps per epoch (0: whole epochs), for quick runs", 0, min: 0);

    public static readonly Option<int> StatsSamples = CliOptions.Int("--stats-samples", "Generated images per epoch for stats.csv (mean/std against the real data; 0: off; a resumed run keeps its own unless given)", 1000, min: 0);

    public static readonly Option<int?> Threads = CliOptions.OptionalInt("--threads", "Threads for the tensor kernels (default: all cores)", min: 1);

    public static readonly Option<bool> NoTensorBoard = new("--no-tensorboard")
    {
        Description = "Write no TensorBoard event files (by default the run's tb/ folder gets every loss per step, the stats and the sample grids per epoch)",
    };

    public static readonly Option<bool> Resume = new("--resume")
    {
        Description = "Continue the run in --out from its last checkpoint (model, data and options come from the run)",
    };

    public static readonly Option<string?> TargetClass = new("--target-class")
    {
        Description = "Train on an imbalanced set: cut these classes (by name or index: c, c,d, or 'all' for one run per class in <out>/class_<c>) to --unbalance",
        HelpName = "c[,c...]|all",
    };

    public static readonly Option<double?> Unbalance = CliOptions.OptionalPositive("--unbalance", "With --target-class: fraction u of the class's training images kept (default 0.05)");

    public static readonly Option<double?> Drop = CliOptions.OptionalPositive("--drop", "With --target-class: fraction of the class's images dropped instead (0.975 is --unbalance 0.025)");

    public static readonly Option<string?> TrainClasses = new("--train-classes")
    {
        Description = "Train on these classes only: a count N (the first N), or names, indices and ranges (0-4, cat,dog); DAGAN's classes with many images",
        HelpName = "N|a-b|names",
    };

    public static readonly Option<string?> TestClasses = new("--test-classes")
    {
        Description = "With an image-pair model: held-out classes whose generations the grids show too (samples/epoch-NNN-heldout.png); a count N is the N classes after the training ones (default: every other class)",
        HelpName = "N|a-b|names",
    };

    public static readonly Option<IReadOnlyDictionary<string, string>> ModelOptions =
        CliOptions.KeyValues("--option", "Set any option of the model (repeatable), e.g. --option beta1=0.5; see `ganaug models`");

    public static readonly Command Command = Create();

    /// <summary>Whether <paramref name="option"/> was typed on the command line (not a default).</summary>
    public static bool Given(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    /// <summary>The &lt;model&gt; argument, checked against the zoo while parsing.</summary>
    public static Argument<string> ModelArgument()
    {
        var argument = new Argument<string>("model") { Description = $"GAN to train: {string.Join(", ", GanZoo.Models.Select(m => m.Name))}" };
        argument.Validators.Add(r =>
        {
            var name = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (GanZoo.Models.All(m => m.Name != name))
                r.AddError($"<model>: unknown model '{name}'; known models: {string.Join(", ", GanZoo.Models.Select(m => m.Name))}");
        });
        return argument;
    }

    private static Command Create() => new("train", """
        Train a GAN on an image data set. The run directory gets options.json, checkpoints/,
        losses.csv, epoch_losses.csv, stats.csv, samples/epoch-NNN.png grids, TensorBoard event
        files in tb/ (see `tensorboard --logdir runs/`) and summary.json.
        Ctrl+C stops after the current step, leaves a checkpoint and exits with code 130.

        Examples:
          ganaug train acgan --data mnist-small --epochs 1 --out runs/demo
          ganaug train dcgan --data fashion-mnist --epochs 25 --lr 2e-4 --out runs/fashion
          ganaug train wgan-gp --data mnist --option critic-steps=5 --option conditional=true
          ganaug train acgan --out runs/demo --resume --epochs 5
          ganaug train bagan --data mnist --target-class 0 --unbalance 0.05 --out runs/bagan-mnist
          ganaug train table-wgan-gp --data credit-g --epochs 300 --batch-size 500 --out runs/credit
          ganaug train table-gan --data rows.csv --target label --discrete rooms,floor --out runs/rows
          ganaug train dagan --data mnist --train-classes 0-4 --test-classes 5-9 --out runs/dagan-mnist
          ganaug plot runs/demo    (after training: losses.png and stats.png of the run)
        """)
    {
        Model, Data, DataPath, Target, Discrete, Series, Attributes, Epochs, BatchSize, LearningRate, LatentDim, Seed, Out,
        SampleEvery, CheckpointEvery, CheckpointMinutes, KeepCheckpoints, MaxSteps, StatsSamples, NoTensorBoard, Threads, Resume, ModelOptions, TargetClass, Unbalance, Drop,
        TrainClasses, TestClasses,
    };
}
