using GanAugment.Data;
using GanAugment.Data.Tables;
using GanAugment.Data.Tables.Encoding;
using GanAugment.Data.Writers;
using GanAugment.Gans.Observers;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// A table as training data: every column but the target encoded by a <see cref="TabularTransformer"/>
/// (CTGAN's mode-specific normalisation: a tanh scalar and a mode one-hot per numeric column, a
/// one-hot per categorical one), batches [N, width]; the target column's categories are the class
/// labels (the condition), not part of the row. <see cref="Decode"/> turns generated rows back into
/// the input's columns, in their order, with the target set to the class each row was made for.
/// </summary>
public sealed class TableData : TrainingData
{
    private readonly float[] _encoded;
    private readonly int _width;

    /// <param name="discretized">Numeric columns of the input that <paramref name="table"/> holds as categories (see <see cref="DiscreteColumns"/>); decoded rows give them back as numbers.</param>
    public TableData(Table table, string? target, string format = "csv", TabularTransformerOptions? options = null, IReadOnlyList<string>? discretized = null)
    {
        Table = table;
        int[]? labels = null;
        IReadOnlyList<string> classes = [];
        if (target is not null)
        {
            if (!table.Contains(target)) throw new DataFormatException($"target column '{target}' not found; columns are: {table.DescribeNames()}");
            (labels, classes) = table.ClassIndices(target);
            if (Array.IndexOf(labels, -1) is var row and >= 0) throw new DataFormatException($"target column '{target}' has a missing value in row {row + 1}");
        }
        var features = new Table([.. table.Columns.Where(c => c.Name != target)], null, table.Name);
        Transformer = TabularTransformer.Fit(features, options);
        _encoded = Transformer.Transform(features);
        _width = Transformer.OutputWidth;
        Labels = labels;
        Spec = new TableSpec(_width,
            [.. Transformer.OutputSpans.Select(s => new TableBlock(Transformer.Columns[s.Column].Name, s.Offset, s.Width,
                s.Kind == OutputSpanKind.TanhScalar ? BlockActivation.Tanh : BlockActivation.Softmax))],
            [.. table.Columns.Select(c => c.Name)], target, classes, Transformer.ToJson(), format) { Discretized = discretized ?? [] };
    }

    public Table Table { get; }

    public TabularTransformer Transformer { get; }

    public override DataSpec Spec { get; }

    public override int Count => Table.RowCount;

    public override int[]? Labels { get; }

    /// <summary>The encoded rows at <paramref name="indices"/>; encoded values are already in [-1, 1], whatever the model's range.</summary>
    public override RealBatch Batch(ReadOnlySpan<int> indices, PixelRange range, ulong draw)
    {
        var batch = Tensor.Zeros(indices.Length, _width);
        var values = batch.AsSpan();
        for (var i = 0; i < indices.Length; i++) _encoded.AsSpan(indices[i] * _width, _width).CopyTo(values.Slice(i * _width, _width));
        return new RealBatch(batch, LabelsAt(indices));
    }

    public override ISampleObserver SampleObserver(RunDirectory run, int every) => new TablePreviewObserver(run, this, every);

    /// <summary>Generated rows [N, width] back to a table of the input's columns, the target column holding each row's class (left out when <paramref name="labels"/> is null).</summary>
    public static Table Decode(TableSpec spec, ReadOnlySpan<float> rows, int[]? labels)
    {
        var features = DiscreteColumns.Restore(TabularTransformer.FromJson(spec.Transformer, "the run's table spec").InverseTransform(rows), spec.Discretized);
        // NOTE: rows of a model that generates without a class (bigan, an unsupervised aae) have no target column.
        if (spec.Target is null || labels is null) return features;
        var count = features.RowCount;
        var codes = labels;
        if (codes.Length != count) throw new ArgumentException($"{codes.Length} classes for {count} rows");
        var target = new CategoricalColumn(spec.Target, spec.ClassNames, (int[])codes.Clone());
        var columns = spec.ColumnOrder.Select(name => name == spec.Target ? target : features[name]).ToList();
        return DiscreteColumns.Restore(new Table(columns, spec.Target, features.Name), spec.Discretized.Where(n => n == spec.Target).ToArray());
    }

    /// <summary>Writes <paramref name="table"/> in the format the path's extension names (.arff, .parquet or .csv), else as the input was.</summary>
    public static void Write(TableSpec spec, Table table, string path)
    {
        var format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".arff" => "arff",
            ".parquet" => "parquet",
            ".csv" => "csv",
            _ => spec.Format,
        };
        switch (format)
        {
            case "arff": ArffTableWriter.Write(table, path); break;
            case "parquet": ParquetTableWriter.Write(table, path); break;
            default: CsvTableWriter.Write(table, path); break;
        }
    }
}
