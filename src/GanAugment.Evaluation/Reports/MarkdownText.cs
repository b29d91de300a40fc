namespace GanAugment.Evaluation.Reports;

/// <summary>Text made safe for one cell of a Markdown table.</summary>
internal static class MarkdownText
{
    /// <summary>Pipes escaped and line breaks made spaces, so that the text stays in its cell.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
