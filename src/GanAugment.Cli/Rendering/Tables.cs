using Spectre.Console;
using Spectre.Console.Rendering;

namespace GanAugment.Cli.Rendering;

/// <summary>Tables of plain text: cells are never parsed as Spectre markup, so names such as "[x]" print as they are.</summary>
internal static class Tables
{
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var h in headers) table.AddColumn(new TableColumn(new Text(h)));
        return table;
    }

    public static Table AddTextRow(this Table table, params string[] cells)
    {
        table.AddRow(cells.Select(c => (IRenderable)new Text(c)));
        return table;
    }

    /// <summary>Right-aligns the columns at <paramref name="indices"/> (numbers).</summary>
    public static Table RightAlign(this Table table, params int[] indices)
    {
        foreach (var i in indices) table.Columns[i].RightAligned();
        return table;
    }
}
