using GanAugment.Data;
using GanAugment.Data.Tables;
using GanAugment.Gans;
using GanAugment.Gans.Models;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Augmentation;

/// <summary>Something that makes new table rows of a class, in the input's columns.</summary>
public interface ITableSource
{
    /// <summary>What made the rows, for reports ("table-wgan-gp run runs/x, checkpoint last.safetensors").</summary>
    string Description { get; }

    /// <summary><paramref name="count"/> rows whose target column is class <paramref name="label"/> (an index into the classes).</summary>
    Table Generate(int label, int count, Rng rng);
}

/// <summary>
/// Rows from a trained conditional table model: the class is the generator's condition, so every
/// row of <see cref="Generate"/> is of the asked class; rows are decoded to the input's columns.
/// </summary>
public sealed class TableGanSource : ITableSource
{
    private readonly GanModel _model;
    private readonly TableSpec _spec;

    public TableGanSource(GanModel model, string description)
    {
        ArgumentNullException.ThrowIfNull(model);
        _spec = model.Spec as TableSpec ?? throw new ArgumentException($"model '{model.Name}' does not make table rows");
        if (!model.TakesLabels)
            throw new ArgumentException($"model '{model.Name}' was trained without a target column: it cannot make rows of a chosen class (train it with --target)");
        _model = model;
        Description = description;
    }

    public string Description { get; }

    public Table Generate(int label, int count, Rng rng)
    {
        var labels = Enumerable.Repeat(label, count).ToArray();
        return TableData.Decode(_spec, _model.Sample(count, rng, new TableCondition(labels)).AsSpan(), labels);
    }
}

/// <summary>A table whose first rows are the real ones and the rest synthetic, with the flag per row and what made them.</summary>
public sealed record AugmentedTable(Table Rows, bool[] Synthetic, string Source)
{
    /// <summary>The name of the column that <see cref="WithMarker"/> adds.</summary>
    public const string MarkerColumn = "synthetic";

    /// <summary>The rows with a last numeric column <see cref="MarkerColumn"/>: 1 for a synthetic row, 0 for a real one.</summary>
    public Table WithMarker(string source)
    {
        if (Rows.Contains(MarkerColumn))
            throw DataFormatException.At(source, $"already has a column '{MarkerColumn}', the column augment adds to mark synthetic rows; rename it");
        var marker = new NumericColumn(MarkerColumn, [.. Synthetic.Select(s => s ? 1.0 : 0.0)]);
        return new Table([.. Rows.Columns, marker], Rows.LabelName, Rows.Name);
    }
}

/// <summary>Appends synthetic rows to a table, class by class, as an <see cref="AugmentTarget"/> plans (the table twin of <see cref="Augmenter"/>).</summary>
public static class TableAugmenter
{
    /// <summary>The rows of <paramref name="real"/> (in order) followed by <c>extra[c]</c> rows of each class c from <paramref name="source"/>.</summary>
    public static AugmentedTable Augment(Table real, IReadOnlyList<int> extra, ITableSource source, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(source);
        var rows = real;
        for (var c = 0; c < extra.Count; c++)
        {
            if (extra[c] < 0) throw new ArgumentException($"cannot add {extra[c]} rows to class {c}");
            if (extra[c] > 0) rows = TableRows.Append(rows, source.Generate(c, extra[c], rng));
        }
        var synthetic = new bool[rows.RowCount];
        Array.Fill(synthetic, true, real.RowCount, rows.RowCount - real.RowCount);
        return new AugmentedTable(rows, synthetic, source.Description);
    }
}
