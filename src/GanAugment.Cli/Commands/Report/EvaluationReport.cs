using GanAugment.Cli.Rendering;

namespace GanAugment.Cli.Commands.Report;

/// <summary>
/// The report of an evaluation folder (the --out of <c>evaluate imbalance</c>, <c>table</c>,
/// <c>series</c>, <c>fewshot</c>, <c>merge</c>): each Markdown report it holds, with its tables
/// (and their p-values) as HTML tables and its linked charts inline, then every other PNG.
/// </summary>
internal static class EvaluationReport
{
    /// <summary>The Markdown reports the evaluate commands write; a folder with one of them is an evaluation folder.</summary>
    public static readonly string[] MarkdownFiles = ["results.md", "report.md", "fewshot.md", "evaluation.md", "features.md"];

    public static bool IsEvaluationFolder(string folder) => MarkdownFiles.Any(f => File.Exists(Path.Combine(folder, f)));

    public static HtmlReport Build(string folder)
    {
        var page = new HtmlReport($"GanAugment evaluation: {Path.GetFileName(folder)}");
        page.Paragraph($"Evaluation folder {folder}.");
        var linked = new HashSet<string>(StringComparer.Ordinal);
        var reports = MarkdownFiles.Select(f => Path.Combine(folder, f)).Where(File.Exists)
            .Concat(Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Where(f => !FolderImages.IsSkipped(Path.GetRelativePath(folder, f))).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        foreach (var file in reports) linked.UnionWith(AddMarkdown(page, folder, file));
        var charts = FolderImages.Find(folder, linked);
        if (charts.Count > 0)
        {
            page.Heading("Charts");
            FolderImages.Add(page, charts);
        }
        return page;
    }

    /// <summary>Adds one Markdown file under a heading naming it; returns the full paths of the images it linked (and were inlined).</summary>
    public static IReadOnlySet<string> AddMarkdown(HtmlReport page, string folder, string file)
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        var directory = Path.GetDirectoryName(file)!;
        byte[]? Image(string relative)
        {
            var path = Path.GetFullPath(Path.Combine(directory, relative));
            if (!File.Exists(path) || !path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) return null;
            linked.Add(path);
            return File.ReadAllBytes(path);
        }

        page.Heading(Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'));
        page.AppendHtml(MarkdownHtml.ToHtml(File.ReadAllText(file), Image));
        return linked;
    }
}
