using GanAugment.Data.Writers;
using Parquet;
using Parquet.Schema;

namespace GanAugment.Data.Tables;

/// <summary>
/// Writes a <see cref="Table"/> as an Apache Parquet file (Parquet.Net) that
/// <see cref="ParquetTableReader"/>, pandas, polars or Spark read back: a numeric column as an
/// optional DOUBLE, a categorical one as an optional UTF-8 string, a missing value as a null,
/// all rows in one row group, Snappy compression (the library's default). The label column's name
/// goes into the file's key-value metadata under <see cref="LabelKey"/>. The file is written to
/// "path.tmp" and renamed, so a failure never leaves a half-written file.
/// </summary>
public static class ParquetTableWriter
{
    /// <summary>The key-value metadata entry that names the label column.</summary>
    public const string LabelKey = "ganaugment.label";

    public static void Write(Table table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fields = table.Columns.Select(c => c.Kind == ColumnKind.Numeric
            ? (DataField)new DataField<double?>(c.Name) : new DataField<string>(c.Name, nullable: true)).ToArray();
        AtomicFile.Write(path, stream => WriteAsync(table, fields, stream).GetAwaiter().GetResult());
    }

    private static async Task WriteAsync(Table table, DataField[] fields, Stream stream)
    {
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        if (table.LabelName is { } label) writer.CustomMetadata = new Dictionary<string, string> { [LabelKey] = label };
        using var group = writer.CreateRowGroup();
        for (var j = 0; j < fields.Length; j++)
        {
            switch (table[j])
            {
                case NumericColumn n:
                    var values = new double?[n.Count];
                    for (var r = 0; r < values.Length; r++) values[r] = double.IsNaN(n[r]) ? null : n[r];
                    await group.WriteAsync<double>(fields[j], values.AsMemory());
                    break;
                case CategoricalColumn c:
                    var texts = new string?[c.Count];
                    for (var r = 0; r < texts.Length; r++) texts[r] = c[r];
                    await group.WriteAsync(fields[j], texts!);
                    break;
                default:
                    throw new NotSupportedException($"column type {table[j].GetType().Name}");
            }
        }
        group.CompleteValidate();
    }
}
