using System.CommandLine;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Rendering;
using GanAugment.Data.Writers;
using GanAugment.Gans.Training;
using Def = GanAugment.Cli.Commands.Report.ReportCommandDefinition;

namespace GanAugment.Cli.Commands.Report;

/// <summary>
/// <c>ganaug report</c>: a run directory (it has options.json) gets <see cref="RunReport"/>, an
/// evaluation folder (it has one of <see cref="EvaluationReport.MarkdownFiles"/>) gets
/// <see cref="EvaluationReport"/>; the page is written through a temporary file and its path printed.
/// </summary>
internal static class ReportCommand
{
    public const string DefaultFile = "report.html";

    public static int Run(ParseResult parse, CliContext context)
    {
        var folder = Path.GetFullPath(parse.GetRequiredValue(Def.Folder));
        if (!Directory.Exists(folder)) throw UsageException.For("<folder>", $"{folder} does not exist");
        HtmlReport page;
        if (File.Exists(Path.Combine(folder, RunDirectory.ManifestFile)))
            page = RunReport.Build(folder, context);
        else if (EvaluationReport.IsEvaluationFolder(folder))
            page = EvaluationReport.Build(folder);
        else
            throw UsageException.For("<folder>", $"{folder} is neither a run directory (no {RunDirectory.ManifestFile}) nor an evaluation folder (no {string.Join(", ", EvaluationReport.MarkdownFiles)})");

        var output = Path.GetFullPath(parse.GetValue(Def.Out) ?? Path.Combine(folder, DefaultFile));
        ReportFile.WriteAllText(output, page.Render());
        context.Out.WriteLine(output);
        return ExitCodes.Success;
    }
}
