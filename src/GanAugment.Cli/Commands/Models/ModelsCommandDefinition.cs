using System.CommandLine;

namespace GanAugment.Cli.Commands.Models;

/// <summary>The help of <c>ganaug models</c>.</summary>
internal static class ModelsCommandDefinition
{
    public static readonly Command Command = new("models", """
        List the GAN models with their options and the paper's defaults. Any option can be set
        with `ganaug train <model> --option name=value`.

        Examples:
          ganaug models
        """);
}
