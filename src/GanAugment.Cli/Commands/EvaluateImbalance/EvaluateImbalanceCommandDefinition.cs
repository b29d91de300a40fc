using System.CommandLine;
using GanAugment.Cli.Infrastructure;
using GanAugment.Evaluation.Imbalance;

namespace GanAugment.Cli.Commands.EvaluateImbalance;

/// <summary>The options and help of <c>ganaug evaluate imbalance</c>.</summary>
internal static class EvaluateImbalanceCommandDefinition
{
    /// <summary>The classifier options whose defaults the --classifier-* options show (declared first: static fields initialise in order).</summary>
    private static readonly ClassifierOptions DefaultClassifier = new();

    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data set: a catalogue name (mnist, fashion-mnist, mnist-small, ...), a folder of MNIST-layout IDX files or an image folder (class sub-folders NN-name/ of PNG/JPEG/BMP/PGM files, optionally under train/ and test/)",
        HelpName = "name|folder",
    };

    public static readonly Option<string?> DataPath = new("--path")
    {
        Description = "Folder that holds the files of the --data set (nothing else is searched)",
        HelpName = "folder",
    };

    public static readonly Option<string?> TargetClass = new("--target-class")
    {
        Description = "Minority class(es) by name or index: one class, several joined by commas (made minority together), or 'all' (one protocol per class)",
        HelpName = "c[,c...]|all",
    };

    public static readonly Option<double?> Unbalance = CliOptions.OptionalPositive("--unbalance", "Fraction u of the target class's training images to keep (the BAGAN script's -u; default 0.05)");

    public static readonly Option<double?> Drop = CliOptions.OptionalPositive("--drop", "Fraction of the target class's training images to drop instead (the BAGAN README's 0.975 is --unbalance 0.025)");

    public static readonly Option<int> Seeds = CliOptions.Int("--seeds", "Classifiers trained per method (seeds Seed..Seed+k-1)", 5, min: 1);

    public static readonly Option<ulong> Seed = CliOptions.Seed("First seed (imbalanced subset, generators, classifiers)");

    public static readonly Option<string?> Methods = new("--methods")
    {
        Description = "Methods to compare, comma-separated (default: all): plain, mirror, smote, gan, acgan, bagan",
        HelpName = "list",
    };

    public static readonly Option<int> ClassifierWidth = CliOptions.Int("--classifier-width", "Channels of the classifier's first convolution (then 2x, 2x, 4x)", DefaultClassifier.Width, min: 1);

    public static readonly Option<int> ClassifierHidden = CliOptions.Int("--classifier-hidden", "Units of the classifier's hidden dense layer", DefaultClassifier.Hidden, min: 1);

    public static readonly Option<int> ClassifierEpochs = CliOptions.Int("--classifier-epochs", "Epochs of each classifier (the learning rate decays to 0 over them)", DefaultClassifier.Epochs, min: 1);

    public static readonly Option<int> ClassifierMaxSteps = CliOptions.Int("--classifier-max-steps", "Cap on classifier steps per epoch (0: whole epochs)", 0, min: 0);

    public static readonly Option<int> GanEpochs = CliOptions.Int("--gan-epochs", "Epochs of each generator (BAGAN: as many autoencoder epochs first)", 2, min: 1);

    public static readonly Option<int> GanMaxSteps = CliOptions.Int("--gan-max-steps", "Cap on generator steps per epoch (0: whole epochs)", 0, min: 0);

    public static readonly Option<IReadOnlyDictionary<string, string>> BaganOptions =
        CliOptions.KeyValues("--bagan-option", "Set a bagan option (repeatable); the default here is a small BAGAN (width=16 dense-width=128 encoder-width=8 latent-dim=32 autoencoder-learning-rate=1e-3 discriminator-sampling=proportional generator-sampling=proportional), the reference's is width=128 dense-width=1024 encoder-width=32 latent-dim=100 autoencoder-learning-rate=0 and uniform sampling");

    public static readonly Option<IReadOnlyDictionary<string, string>> AcGanOptions = CliOptions.KeyValues("--acgan-option", "Set an acgan option (repeatable)");

    public static readonly Option<IReadOnlyDictionary<string, string>> GanOptions = CliOptions.KeyValues("--gan-option", "Set an option of the per-class GAN (repeatable)");

    public static readonly Option<string> GanModel = new("--gan-model")
    {
        Description = "Unconditional zoo model of the GAN baseline (trained on each minority class alone)",
        DefaultValueFactory = _ => "dcgan",
        HelpName = "model",
    };

    public static readonly Option<int> GridScale = CliOptions.Int("--grid-scale",
        "Whole factor from 1 to 16 by which synthetic_<method>.png enlarges each image (nearest neighbour; 2 shows 28-pixel digits at 56)", GanAugment.Evaluation.Imbalance.ImbalanceExperiment.DefaultGridScale, min: 1);

    public static readonly Option<bool> RetrainGenerators = new("--retrain-generators")
    {
        Description = "Make the imbalanced subset and train the generators anew for every seed (default: once, the seeds vary the classifiers and samples)",
    };

    public static readonly Option<bool> NoTensorBoard = new("--no-tensorboard")
    {
        Description = "Image data: the generator runs in generators/ write no TensorBoard event files (tb/)",
    };

    public static readonly Option<string?> Out = new("--out")
    {
        Description = "Output folder (default: runs/imbalance-<data>-c<class>-u<u>)",
        HelpName = "dir",
    };

    public static readonly Option<int?> Threads = CliOptions.OptionalInt("--threads", "Threads for the tensor kernels (default: all cores)", min: 1);

    public static readonly Option<string?> Target = new("--target")
    {
        Description = "Tables: the class column of the --data table (.csv, .arff, .parquet, FANN .data/.train/.test)",
        HelpName = "column",
    };

    public static readonly Option<string?> Test = new("--test")
    {
        Description = "Tables: the real test table (default: a seeded stratified 30 % split of --data)",
        HelpName = "file",
    };

    public static readonly Option<int> GanBatchSize = CliOptions.Int("--gan-batch-size", "Tables: rows per generator step (a multiple of the model's pac)", 100, min: 2);

    public static readonly Option<string?> Shard = CliOptions.Shard();

    public static readonly Command Command = new("imbalance", """
        The BAGAN paper's protocol: keep a fraction u of the target class's training images, then
        train the same small CNN on Plain (the imbalanced set), Mirror (minority oversampled with
        flips and shifts), SMOTE, GAN (one unconditional GAN per minority class), ACGAN and BAGAN
        (both trained on the imbalanced set), each rebalanced up to the largest other class, over
        k seeds; score on the real test set: minority recall and precision, balanced accuracy,
        accuracy (mean ± std) with Welch t-tests against Plain and the best non-BAGAN method.
        Writes results.csv, results.md, results.png, runs.csv, synthetic_<method>.png grids and
        generators/ (run directories usable by `ganaug sample` and `ganaug augment`). A rerun into
        the same --out reuses every generator that finished there with the same options, schedule
        and training set (e.g. to add methods or seeds, or change the classifier).

        With a table (--data file.csv|.arff|FANN file and --target column) the natural imbalance
        is used: every class below the largest is raised to its count by plain (nothing added),
        oversample (random copies), smote-nc, table-gan and table-wgan-gp (trained once for
        --gan-epochs of --gan-batch-size rows, --gan-option applied to both), the same ML.NET
        gradient-boosted trees trained per method and seed, scored per class on --test.

        Examples:
          ganaug evaluate imbalance --data mnist-small --target-class 0 --unbalance 0.05 --seeds 3
          ganaug evaluate imbalance --data mnist --path /data/mnist --target-class 0 --drop 0.975
          ganaug evaluate imbalance --data fashion-mnist --target-class 0 --methods plain,smote,bagan
          ganaug evaluate imbalance --data thyroid.train --test thyroid.test --target class --gan-epochs 100 --seeds 5
          ganaug evaluate imbalance --data mnist --target-class 0 --out runs/imb --shard 2/4   (then: ganaug evaluate merge runs/imb)
        """)
    {
        Data, DataPath, TargetClass, Unbalance, Drop, Seeds, Seed, Methods,
        ClassifierWidth, ClassifierHidden, ClassifierEpochs, ClassifierMaxSteps,
        GanEpochs, GanMaxSteps, BaganOptions, AcGanOptions, GanOptions, GanModel, RetrainGenerators, NoTensorBoard, Out, Threads,
        Target, Test, GanBatchSize, Shard,
        GridScale,
    };
}
