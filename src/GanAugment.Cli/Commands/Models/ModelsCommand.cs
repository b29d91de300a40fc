using System.CommandLine;
using GanAugment.Cli.Rendering;
using GanAugment.Gans;

namespace GanAugment.Cli.Commands.Models;

/// <summary><c>ganaug models</c>: the zoo as a table (name, conditional, description, options with defaults).</summary>
internal static class ModelsCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var table = Tables.Create("model", "labels", "description", "options (defaults)");
        foreach (var model in GanZoo.Models)
        {
            var options = string.Join("\n", GanZoo.Describe(model).Select(o => $"{o.Name}={o.Default} ({TypeName(o.Type)})"));
            table.AddTextRow(model.Name, model.Conditional ? "yes" : "no", model.Summary, options);
        }
        ConsoleFactory.Create(context).Write(table);
        return ExitCodes.Success;
    }

    /// <summary>What a user types for the option: whole number, number, true/false or text (the zoo gives CLR names such as int32).</summary>
    private static string TypeName(string clrName) => clrName switch
    {
        "int32" or "int64" => "whole number",
        "single" or "double" => "number",
        "boolean" => "true/false",
        _ => clrName,
    };
}
