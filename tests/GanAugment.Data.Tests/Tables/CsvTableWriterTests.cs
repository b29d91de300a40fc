using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

public sealed class CsvTableWriterTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    internal static Table Sample(int seed, int rows)
    {
        var random = new Random(seed);
        var numbers = new double[rows];
        var integers = new double[rows];
        var texts = new string?[rows];
        string[] awkward = ["plain", "with,comma", "with \"quotes\"", "two\nlines", " padded ", "NA", "?", "ünïcödé", "tab\there", "cr\rlf\r\n"];
        for (var r = 0; r < rows; r++)
        {
            numbers[r] = r % 7 == 3 ? double.NaN : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 13));
            integers[r] = random.Next(-1000, 1000);
            texts[r] = r % 5 == 4 ? null : awkward[random.Next(awkward.Length)];
        }
        numbers[0] = double.Epsilon;
        numbers[1] = -0.0;
        numbers[2] = 1e300;
        return new Table([new NumericColumn("x", numbers), new NumericColumn("n", integers), CategoricalColumn.FromValues("text, \"quoted\"", texts)], "n");
    }

    [Fact]
    public void Round_trip_is_exact_for_numbers_categories_and_missing()
    {
        var table = Sample(seed: 7, rows: 200);
        var path = _dir.File("out.csv");
        CsvTableWriter.Write(table, path);
        var back = CsvTableReader.Read(path, new CsvReadOptions { ForceNumeric = ["n"] });

        Assert.Equal(table.Columns.Select(c => c.Name), back.Columns.Select(c => c.Name));
        var x = ((NumericColumn)table["x"]).Values;
        var xBack = ((NumericColumn)back["x"]).Values;
        for (var r = 0; r < x.Count; r++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(x[r]), BitConverter.DoubleToInt64Bits(xBack[r]));
        Assert.Equal(((NumericColumn)table["n"]).Values, ((NumericColumn)back["n"]).Values);
        var text = (CategoricalColumn)table[2];
        var textBack = (CategoricalColumn)back[2];
        Assert.Equal(Enumerable.Range(0, 200).Select(r => text[r]), Enumerable.Range(0, 200).Select(r => textBack[r]));
    }

    [Fact]
    public void Round_trip_with_semicolons()
    {
        var table = Sample(seed: 3, rows: 50);
        var path = _dir.File("semi.csv");
        CsvTableWriter.Write(table, path, new CsvWriteOptions { Delimiter = ';' });
        var back = CsvTableReader.Read(path, new CsvReadOptions { Delimiter = ';' });
        Assert.Equal(((CategoricalColumn)table[2]).Codes.Select(c => c < 0), ((CategoricalColumn)back[2]).Codes.Select(c => c < 0));
    }

    [Fact]
    public void One_column_table_keeps_its_missing_rows()
    {
        var table = new Table([new NumericColumn("a", [1, double.NaN, 3])]);
        var path = _dir.File("one.csv");
        CsvTableWriter.Write(table, path);
        var back = (NumericColumn)CsvTableReader.Read(path)["a"];
        Assert.Equal(3, back.Count);
        Assert.True(back.IsMissing(1));
    }

    [Fact]
    public void Writes_through_a_temporary_file_and_replaces_the_target()
    {
        var path = _dir.Write("t.csv", "old content that is longer than the new one\n");
        CsvTableWriter.Write(new Table([new NumericColumn("a", [1, 2])]), path);
        Assert.Equal("a\n1\n2\n", File.ReadAllText(path));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Failed_write_leaves_no_file_behind()
    {
        var path = Path.Combine(_dir.Path, "no-such-dir", "t.csv");
        Assert.ThrowsAny<IOException>(() => CsvTableWriter.Write(new Table([new NumericColumn("a", [1])]), path));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Quotes_only_where_needed()
    {
        var table = new Table([CategoricalColumn.FromValues("c", ["a", "b,c", "NA", " s", "x\"y"])]);
        var path = _dir.File("q.csv");
        CsvTableWriter.Write(table, path);
        Assert.Equal("c\na\n\"b,c\"\n\"NA\"\n\" s\"\n\"x\"\"y\"\n", File.ReadAllText(path));
    }
}
