using System.CommandLine;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli.Commands.EvaluateClusters;

/// <summary>The options and help of <c>ganaug evaluate clusters</c>.</summary>
internal static class EvaluateClustersCommandDefinition
{
    public static readonly Argument<string> Run = RunArgument.Create("Run directory of a model with a categorical latent code (infogan) trained on labelled images");

    public static readonly Option<string> Split = new("--split")
    {
        Description = "Images to cluster: the data set's test or train split",
        DefaultValueFactory = _ => "test",
        HelpName = "test|train",
    };

    public static readonly Option<string?> Checkpoint = new("--checkpoint")
    {
        Description = "Checkpoint to evaluate (default: <run>/checkpoints/last.safetensors)",
        HelpName = "file",
    };

    public static readonly Option<int?> Threads = CliOptions.OptionalInt("--threads", "Threads for the tensor kernels (default: all cores)", min: 1);

    public static readonly Command Command = new("clusters", """
        Score a model's categorical code as a clustering of the run's labelled images: Q's most
        likely category for each image, each category matched to one class by the Hungarian
        assignment, and the share of images whose class is their category's (the InfoGAN paper's
        MNIST figure; training used no labels). Writes <run>/clusters.json.

        Examples:
          ganaug evaluate clusters runs/infogan-mnist
          ganaug evaluate clusters runs/infogan-mnist --checkpoint runs/infogan-mnist/checkpoints/epoch-0005.safetensors
        """)
    {
        Run, Split, Checkpoint, Threads,
    };
}
