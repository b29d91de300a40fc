using System.Text;
using System.Text.RegularExpressions;

namespace GanAugment.Cli.Rendering;

/// <summary>
/// The Markdown that GanAugment's reports write (results.md, report.md, fewshot.md, evaluation.md),
/// as HTML: headings (shifted one level down, under the page's title), pipe tables with their
/// column alignment, "- " lists, paragraphs, <c>**bold**</c>, <c>`code`</c>, and <c>![alt](file)</c>
/// images, which <paramref name="image"/> resolves to PNG bytes (null: the alt text is shown
/// instead). All text is HTML-encoded; nothing else of Markdown is interpreted.
/// </summary>
internal static partial class MarkdownHtml
{
    public static string ToHtml(string markdown, Func<string, byte[]?> image)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var html = new StringBuilder();
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count == 0) return;
            html.Append("<p>").Append(string.Join(" ", paragraph.Select(p => Inline(p, image)))).Append("</p>\n");
            paragraph.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.Length == 0)
            {
                Flush();
            }
            else if (Heading().Match(line) is { Success: true } h)
            {
                Flush();
                var level = Math.Min(6, h.Groups[1].Length + 1);
                html.Append("<h").Append(level).Append('>').Append(Inline(h.Groups[2].Value, image)).Append("</h").Append(level).Append(">\n");
            }
            else if (line.TrimStart().StartsWith('|'))
            {
                Flush();
                var start = i;
                while (i + 1 < lines.Length && lines[i + 1].TrimStart().StartsWith('|')) i++;
                Table(html, lines[start..(i + 1)], image);
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                Flush();
                html.Append("<ul>\n");
                for (; i < lines.Length && (lines[i].StartsWith("- ", StringComparison.Ordinal) || lines[i].StartsWith("* ", StringComparison.Ordinal)); i++)
                    html.Append("<li>").Append(Inline(lines[i][2..].Trim(), image)).Append("</li>\n");
                i--;
                html.Append("</ul>\n");
            }
            else
            {
                paragraph.Add(line.Trim());
            }
        }
        Flush();
        return html.ToString();
    }

    /// <summary>A pipe table: the header row, an optional |---|---:| row giving each column's alignment, then the body rows.</summary>
    private static void Table(StringBuilder html, string[] rows, Func<string, byte[]?> image)
    {
        var header = Cells(rows[0]);
        var hasRule = rows.Length > 1 && Cells(rows[1]).All(c => Rule().IsMatch(c));
        var align = hasRule ? Cells(rows[1]).Select(c => c.EndsWith(':') ? (c.StartsWith(':') ? "center" : "right") : null).ToArray() : [];
        string Open(string tag, int column) =>
            column < align.Length && align[column] is { } a ? $"<{tag} style=\"text-align:{a}\">" : $"<{tag}>";

        html.Append("<table><thead><tr>");
        for (var c = 0; c < header.Length; c++) html.Append(Open("th", c)).Append(Inline(header[c], image)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows.Skip(hasRule ? 2 : 1))
        {
            html.Append("<tr>");
            var cells = Cells(row);
            for (var c = 0; c < cells.Length; c++) html.Append(Open("td", c)).Append(Inline(cells[c], image)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table>\n");
    }

    private static string[] Cells(string row)
    {
        var t = row.Trim();
        if (t.StartsWith('|')) t = t[1..];
        if (t.EndsWith('|')) t = t[..^1];
        return t.Split('|').Select(c => c.Trim()).ToArray();
    }

    /// <summary>Encodes the text, then turns images, <c>**bold**</c> and <c>`code`</c> into tags.</summary>
    private static string Inline(string text, Func<string, byte[]?> image)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match m in ImageLink().Matches(text))
        {
            html.Append(Emphasis(text[last..m.Index]));
            var (alt, file) = (m.Groups[1].Value, m.Groups[2].Value);
            html.Append(image(file) is { } png
                ? $"<img alt=\"{HtmlReport.Encode(alt)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">"
                : $"[{HtmlReport.Encode(alt.Length > 0 ? alt : file)}: {HtmlReport.Encode(file)} not found]");
            last = m.Index + m.Length;
        }
        html.Append(Emphasis(text[last..]));
        return html.ToString();
    }

    private static string Emphasis(string text)
    {
        var encoded = HtmlReport.Encode(text);
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        return Code().Replace(encoded, "<code>$1</code>");
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^:?-{3,}:?$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"!\[([^\]]*)\]\(([^)\s]+)\)")]
    private static partial Regex ImageLink();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();
}
