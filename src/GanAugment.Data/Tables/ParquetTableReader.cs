using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace GanAugment.Data.Tables;

/// <summary>
/// Reads an Apache Parquet file (Parquet.Net) into a <see cref="Table"/>: integer, floating-point
/// and decimal columns become numeric columns of doubles, string and boolean columns categorical
/// ones ("true"/"false", categories ordered as the CSV reader orders them), nulls missing values (as is NaN in a numeric column); every row group is
/// read. The label column is the one the file's <see cref="ParquetTableWriter.LabelKey"/> metadata
/// names, if any. A nested, repeated or date column, a file that is not Parquet, or an empty
/// string in a string column is a <see cref="DataFormatException"/> naming the file (and column).
/// </summary>
public static class ParquetTableReader
{
    public static Table Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            CheckFooter(stream, path);
            return ReadAsync(stream, path).GetAwaiter().GetResult();
        }
        // NOTE: a damaged file makes Parquet.Net throw many kinds of exception (its Thrift reader's
        // own, IndexOutOfRange, Overflow, ...); every one is this file's data error, in one line.
        catch (Exception e) when (e is not (DataFormatException or OutOfMemoryException or OperationCanceledException))
        {
            var reason = e is FileNotFoundException ? "no such file" : e.Message.ReplaceLineEndings(" ");
            throw DataFormatException.At(path, $"cannot read as Parquet: {reason}");
        }
    }

    /// <summary>
    /// The frame of a Parquet file: "PAR1", the data, the footer (Thrift compact FileMetaData, which
    /// ends with a STOP byte 0), its 4-byte length and "PAR1".
    /// </summary>
    /// <remarks>
    /// NOTE: Parquet.Net 6.1.0 loops forever on a footer whose final STOP byte is changed (found by
    /// the bit-flip test), so the frame is checked here before the library reads it.
    /// </remarks>
    private static void CheckFooter(FileStream stream, string path)
    {
        const int Frame = 4 + 4 + 4;
        if (stream.Length < Frame + 1) throw DataFormatException.At(path, $"cannot read as Parquet: the file is {stream.Length} bytes, too short");
        Span<byte> head = stackalloc byte[4];
        stream.ReadExactly(head);
        Span<byte> tail = stackalloc byte[9];
        stream.Seek(-9, SeekOrigin.End);
        stream.ReadExactly(tail);
        stream.Seek(0, SeekOrigin.Begin);
        var footer = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(tail[1..5]);
        if (!head.SequenceEqual("PAR1"u8) || !tail[5..].SequenceEqual("PAR1"u8))
            throw DataFormatException.At(path, "cannot read as Parquet: no PAR1 mark at its start and end");
        if (footer == 0 || footer > stream.Length - Frame || tail[0] != 0)
            throw DataFormatException.At(path, "cannot read as Parquet: its footer is damaged");
    }

    private static async Task<Table> ReadAsync(Stream stream, string path)
    {
        await using var reader = await ParquetReader.CreateAsync(stream);
        if (reader.Schema.Fields.Any(f => f is not DataField { IsArray: false }))
            throw DataFormatException.At(path, $"column '{reader.Schema.Fields.First(f => f is not DataField { IsArray: false }).Name}' is nested or repeated; only flat columns of numbers, strings or booleans can be read");
        var fields = reader.Schema.GetDataFields();
        if (fields.Length == 0) throw DataFormatException.At(path, "the file holds no columns");
        var parts = fields.Select(_ => new List<Array>()).ToArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            for (var j = 0; j < fields.Length; j++) parts[j].Add(await ReadColumnAsync(group, fields[j], rows, path));
        }
        var columns = new Column[fields.Length];
        for (var j = 0; j < fields.Length; j++)
        {
            var name = fields[j].Name;
            columns[j] = parts[j].Count > 0 && parts[j][0] is double[]
                ? new NumericColumn(name, [.. parts[j].SelectMany(a => (double[])a)])
                : Categorical(name, [.. parts[j].SelectMany(a => (string?[])a)]);
        }
        if (columns.Length > 0 && columns[0].Count == 0) throw DataFormatException.At(path, "the file holds no rows");
        var label = reader.CustomMetadata.TryGetValue(ParquetTableWriter.LabelKey, out var l) && columns.Any(c => c.Name == l) ? l : null;
        return new Table(columns, label, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Categories in the order the CSV reader gives them (numbers by value, other text by ordinal order), so a table reads the same from either format.</summary>
    private static CategoricalColumn Categorical(string name, string?[] values) => CategoricalColumn.FromValues(name, values, ColumnInference.SortedCategories(values));

    /// <summary>One column of one row group: double[] (NaN for null) or string?[] (null for null).</summary>
    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int rows, string path)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        // NOTE: Parquet.Net 6 gives UTF-8 string columns the CLR type ReadOnlyMemory<char>.
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var texts = new string?[rows];
            await group.ReadAsync(field, texts.AsMemory());
            for (var r = 0; r < rows; r++)
                if (texts[r] is { Length: 0 })
                    throw DataFormatException.At(path, $"column '{field.Name}' holds an empty string in row {r + 1}; write a missing value as null");
            return texts;
        }
        if (type == typeof(bool))
        {
            var flags = await ReadValues<bool>(group, field, rows);
            return flags.Select(b => b is { } v ? (v ? "true" : "false") : null).ToArray();
        }
        return type switch
        {
            _ when type == typeof(double) => await ReadNumbers<double>(group, field, rows),
            _ when type == typeof(float) => await ReadNumbers<float>(group, field, rows),
            _ when type == typeof(long) => await ReadNumbers<long>(group, field, rows),
            _ when type == typeof(int) => await ReadNumbers<int>(group, field, rows),
            _ when type == typeof(short) => await ReadNumbers<short>(group, field, rows),
            _ when type == typeof(sbyte) => await ReadNumbers<sbyte>(group, field, rows),
            _ when type == typeof(ulong) => await ReadNumbers<ulong>(group, field, rows),
            _ when type == typeof(uint) => await ReadNumbers<uint>(group, field, rows),
            _ when type == typeof(ushort) => await ReadNumbers<ushort>(group, field, rows),
            _ when type == typeof(byte) => await ReadNumbers<byte>(group, field, rows),
            _ when type == typeof(decimal) => await ReadNumbers<decimal>(group, field, rows),
            _ => throw DataFormatException.At(path, $"column '{field.Name}' holds {type.Name} values; only numbers, strings and booleans can be read"),
        };
    }

    private static async Task<double[]> ReadNumbers<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct, INumberBase<T>
    {
        var values = await ReadValues<T>(group, field, rows);
        var numbers = new double[rows];
        for (var r = 0; r < rows; r++) numbers[r] = values[r] is { } v ? double.CreateChecked(v) : double.NaN;
        return numbers;
    }

    private static async Task<T?[]> ReadValues<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            await group.ReadAsync(field, nullable.AsMemory());
            return nullable;
        }
        var values = new T[rows];
        await group.ReadAsync(field, values.AsMemory());
        return [.. values.Select(v => (T?)v)];
    }
}
