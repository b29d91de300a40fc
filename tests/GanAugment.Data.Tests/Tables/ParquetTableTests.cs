using GanAugment.Data.Tables;
using Parquet;
using Parquet.Schema;

namespace GanAugment.Data.Tests.Tables;

/// <summary>Parquet tables: round trip, missing values as nulls, the column types other writers use, bad files.</summary>
public sealed class ParquetTableTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Table Sample() => new(
    [
        new NumericColumn("x", [1.5, double.NaN, -2e300, 0.1 + 0.2, 7]),
        CategoricalColumn.FromValues("colour", ["red", null, "blue, dark", "red", "\"q\""]),
        CategoricalColumn.FromValues("label", ["good", "bad", "good", null, "bad"]),
    ], labelName: "label");

    [Fact]
    public void A_table_round_trips_bit_for_bit_with_missing_values_and_its_label()
    {
        var path = _dir.File("t.parquet");
        ParquetTableWriter.Write(Sample(), path);
        var back = ParquetTableReader.Read(path);
        Assert.Equal(["x", "colour", "label"], back.Columns.Select(c => c.Name));
        Assert.Equal("label", back.LabelName);
        var x = Assert.IsType<NumericColumn>(back["x"]);
        Assert.Equal(((NumericColumn)Sample()["x"]).Values.Select(BitConverter.DoubleToInt64Bits), x.Values.Select(BitConverter.DoubleToInt64Bits));
        var colour = Assert.IsType<CategoricalColumn>(back["colour"]);
        Assert.Equal(["red", null, "blue, dark", "red", "\"q\""], Enumerable.Range(0, 5).Select(r => colour[r]));
        Assert.True(colour.IsMissing(1));
        Assert.True(back["label"].IsMissing(3));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task Nulls_are_written_as_parquet_nulls_that_another_reader_sees()
    {
        var path = _dir.File("t.parquet");
        ParquetTableWriter.Write(Sample(), path);
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        // Parquet.Net 6 describes UTF-8 string columns as ReadOnlyMemory<char>.
        Assert.Equal([typeof(double), typeof(ReadOnlyMemory<char>), typeof(ReadOnlyMemory<char>)], fields.Select(f => Nullable.GetUnderlyingType(f.ClrType) ?? f.ClrType));
        Assert.All(fields, f => Assert.True(f.IsNullable));
        using var group = reader.OpenRowGroupReader(0);
        var x = new double?[5];
        await group.ReadAsync(fields[0], x.AsMemory());
        Assert.Null(x[1]);
        Assert.Equal(1.5, x[0]);
        Assert.Equal("label", reader.CustomMetadata[ParquetTableWriter.LabelKey]);
    }

    [Fact]
    public async Task Integers_floats_booleans_and_required_columns_of_other_writers_are_read_over_several_row_groups()
    {
        var path = _dir.File("other.parquet");
        var (id, score, flag, name) = (new DataField<int>("id"), new DataField<float?>("score"), new DataField<bool>("flag"), new DataField<string>("name", nullable: true));
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, score, flag, name), stream);
            for (var g = 0; g < 2; g++)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync<int>(id, new[] { 10 * g, 10 * g + 1 }.AsMemory());
                await group.WriteAsync<float>(score, new float?[] { 0.5f, null }.AsMemory());
                await group.WriteAsync<bool>(flag, new[] { true, false }.AsMemory());
                await group.WriteAsync(name, new string?[] { "a", null });
                group.CompleteValidate();
            }
        }
        var t = ParquetTableReader.Read(path);
        Assert.Equal(4, t.RowCount);
        Assert.Null(t.LabelName);
        Assert.Equal([0.0, 1, 10, 11], ((NumericColumn)t["id"]).Values);
        Assert.Equal([0.5, double.NaN, 0.5, double.NaN], ((NumericColumn)t["score"]).Values);
        var flags = (CategoricalColumn)t["flag"];
        Assert.Equal(["true", "false", "true", "false"], Enumerable.Range(0, 4).Select(r => flags[r]));
        Assert.Equal([false, true, false, true], Enumerable.Range(0, 4).Select(t["name"].IsMissing));
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_one_line_naming_it()
    {
        var path = _dir.Write("bad.parquet", "x,y\n1,2\n"u8.ToArray());
        var e = Assert.Throws<DataFormatException>(() => ParquetTableReader.Read(path));
        Assert.StartsWith($"{path}: cannot read as Parquet", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_truncated_file_is_one_line_naming_it_wherever_it_is_cut()
    {
        var good = _dir.File("good.parquet");
        ParquetTableWriter.Write(Sample(), good);
        var bytes = File.ReadAllBytes(good);
        var path = _dir.File("cut.parquet");
        for (var cut = 0; cut < bytes.Length; cut += 11)
        {
            File.WriteAllBytes(path, bytes[..cut]);
            var e = Assert.Throws<DataFormatException>(() => ParquetTableReader.Read(path));
            Assert.StartsWith(path + ":", e.Message);
        }
    }

    [Fact]
    public void A_flipped_bit_reads_or_is_one_line_naming_the_file()
    {
        var good = _dir.File("good.parquet");
        ParquetTableWriter.Write(Sample(), good);
        var bytes = File.ReadAllBytes(good);
        var path = _dir.File("flip.parquet");
        var rng = new Random(3);
        for (var trial = 0; trial < 1000; trial++)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[rng.Next(4, flipped.Length - 8)] ^= (byte)(1 << rng.Next(8));
            File.WriteAllBytes(path, flipped);
            // A flip in the data may still decode (to other values); anything else must be a data error,
            // never a hang: trial 36 changes the footer's final STOP byte, on which Parquet.Net 6.1.0 loops.
            try
            {
                ParquetTableReader.Read(path);
            }
            catch (DataFormatException e)
            {
                Assert.StartsWith(path + ":", e.Message);
                Assert.DoesNotContain('\n', e.Message);
            }
        }
    }

    [Fact]
    public void A_missing_file_is_one_line_naming_it()
    {
        var path = _dir.File("none.parquet");
        var e = Assert.Throws<DataFormatException>(() => ParquetTableReader.Read(path));
        Assert.Equal($"{path}: cannot read as Parquet: no such file", e.Message);
    }

    [Fact]
    public async Task An_empty_string_is_refused_naming_the_column_and_row()
    {
        var path = _dir.File("empty.parquet");
        var field = new DataField<string>("s", nullable: true);
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(field, new string?[] { "a", "" });
        }
        var e = Assert.Throws<DataFormatException>(() => ParquetTableReader.Read(path));
        Assert.Equal($"{path}: column 's' holds an empty string in row 2; write a missing value as null", e.Message);
    }
}
