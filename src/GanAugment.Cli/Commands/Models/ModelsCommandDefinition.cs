using System.CommandLine;

namespace GanAugment.Cli.Commands.Models;

/// <summary>The arguments, options and help of <c>ganaug models</c>.</summary>
internal static class ModelsCommandDefinition
{
    public static readonly Argument<string?> Name = new("name")
    {
        Description = "A model of the zoo: show its options one per row (and with --summary its networks' layers)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static readonly Option<bool> Summary = new("--summary")
    {
        Description = "Print the layer table of the model's networks for the data (layer, output shape, parameters, totals), as Keras' model.summary()",
    };

    public static readonly Option<string> Data = new("--data")
    {
        Description = "The data set the networks are built for (with --summary)",
        DefaultValueFactory = _ => "mnist-small",
    };

    public static readonly Option<string?> DataPath = new("--path")
    {
        Description = "Folder holding the data set's files (with --summary)",
    };

    public static readonly Option<IReadOnlyDictionary<string, string>> Options =
        Infrastructure.CliOptions.KeyValues("--option", "A model option as name=value, as for `ganaug train` (with --summary)");

    public static readonly Command Command = new("models", """
        List the GAN models: the data each takes, what it is, and its options with the paper's
        defaults and what they mean. Any option can be set with `ganaug train <model> --option
        name=value`. With a model name and --summary, print the layer table of its networks built
        for a data set, to check a model against its paper.

        Examples:
          ganaug models
          ganaug models acgan
          ganaug models gan --summary
          ganaug models wgan-gp --summary --data cifar10 --option width=32
        """)
    {
        Name, Summary, Data, DataPath, Options,
    };
}
