using System.CommandLine;
using GanAugment.Cli.Rendering;
using GanAugment.Gans;

namespace GanAugment.Cli.Commands.Models;

/// <summary><c>ganaug models</c>: the zoo as a table (name, modalities, description, options with defaults and what they do).</summary>
internal static class ModelsCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var table = Tables.Create("model", "data", "description", "options (default, type: meaning)");
        foreach (var model in GanZoo.Models)
        {
            var options = string.Join("\n", model.Options.Select(o => $"{o.Name}={o.Default} ({o.Type}): {o.Description}"));
            table.AddTextRow(model.Name, string.Join(", ", model.Modalities.Select(ModelEntry.Describe)), model.Summary, options);
        }
        ConsoleFactory.Create(context).Write(table);
        return ExitCodes.Success;
    }
}
