using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

public sealed class CsvTableReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private Table Read(string content, CsvReadOptions? options = null) => CsvTableReader.Read(_dir.Write("t.csv", content), options);

    [Fact]
    public void Infers_numeric_and_categorical_columns()
    {
        var t = Read("x,colour,n\n1.5,red,3\n-2e3,blue,4\n0.25,red,5\n");
        Assert.Equal(3, t.RowCount);
        Assert.Equal([1.5, -2000, 0.25], ((NumericColumn)t["x"]).Values);
        var colour = Assert.IsType<CategoricalColumn>(t["colour"]);
        Assert.Equal(["blue", "red"], colour.Categories);
        Assert.Equal(["red", "blue", "red"], Enumerable.Range(0, 3).Select(r => colour[r]));
        Assert.True(((NumericColumn)t["n"]).IsIntegral);
        Assert.False(((NumericColumn)t["x"]).IsIntegral);
    }

    [Fact]
    public void Default_missing_markers_are_empty_question_mark_and_NA()
    {
        var t = Read("a,b\n1,x\n,?\nNA,NA\n?,y\n");
        var a = (NumericColumn)t["a"];
        Assert.Equal(1.0, a[0]);
        Assert.True(a.IsMissing(1) && a.IsMissing(2) && a.IsMissing(3));
        var b = (CategoricalColumn)t["b"];
        Assert.Equal(["x", null, null, "y"], Enumerable.Range(0, 4).Select(r => b[r]));
        Assert.Equal(2, b.MissingCount());
    }

    [Fact]
    public void Quoted_marker_is_a_value_but_quoted_empty_is_missing()
    {
        var t = Read("b\n\"NA\"\n\"\"\nx\n");
        var b = (CategoricalColumn)t["b"];
        Assert.Equal(["NA", null, "x"], Enumerable.Range(0, 3).Select(r => b[r]));
    }

    [Fact]
    public void Custom_missing_markers_replace_the_defaults()
    {
        var t = Read("a\n1\nNA\n-\n", new CsvReadOptions { MissingValues = ["-"] });
        Assert.IsType<CategoricalColumn>(t["a"]); // "NA" is now a value, so the column is not numeric
        var u = Read("a\n1\n-\n2\n", new CsvReadOptions { MissingValues = ["-"] });
        Assert.True(((NumericColumn)u["a"]).IsMissing(1));
    }

    [Fact]
    public void Quoted_fields_hold_delimiters_newlines_and_doubled_quotes()
    {
        var t = Read("name,v\n\"Smith, J.\",1\n\"two\nlines\",2\n\"say \"\"hi\"\"\",3\n");
        var name = (CategoricalColumn)t["name"];
        Assert.Equal(["Smith, J.", "two\nlines", "say \"hi\""], Enumerable.Range(0, 3).Select(r => name[r]));
        Assert.Equal([1.0, 2, 3], ((NumericColumn)t["v"]).Values);
    }

    [Fact]
    public void Line_numbers_count_newlines_inside_quotes()
    {
        var e = Assert.Throws<DataFormatException>(() => Read("a,b\n\"x\ny\",1\n1,2,3\n"));
        Assert.StartsWith(_dir.File("t.csv") + ":4:", e.Message);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Delimiter_is_configurable(char delimiter)
    {
        var t = Read($"a{delimiter}b\n1{delimiter}x y\n2{delimiter}z\n", new CsvReadOptions { Delimiter = delimiter });
        Assert.Equal([1.0, 2], ((NumericColumn)t["a"]).Values);
        Assert.Equal("x y", ((CategoricalColumn)t["b"])[0]);
    }

    [Fact]
    public void Without_header_columns_are_named_col1_col2()
    {
        var t = Read("1,a\n2,b\n", new CsvReadOptions { HasHeader = false });
        Assert.Equal(["col1", "col2"], t.Columns.Select(c => c.Name));
        Assert.Equal(2, t.RowCount);
    }

    [Fact]
    public void Byte_order_mark_and_crlf_are_handled()
    {
        var path = _dir.Write("bom.csv", [0xEF, 0xBB, 0xBF, .. "id,v\r\n1,2\r\n3,4\r\n"u8.ToArray()]);
        var t = CsvTableReader.Read(path);
        Assert.Equal(["id", "v"], t.Columns.Select(c => c.Name));
        Assert.Equal([2.0, 4], ((NumericColumn)t["v"]).Values);
    }

    [Fact]
    public void Utf16_with_bom_is_read()
    {
        var path = _dir.Write("u16.csv", System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("a,é\n1,ü\n")).ToArray());
        var t = CsvTableReader.Read(path);
        Assert.Equal("ü", ((CategoricalColumn)t["é"])[0]);
    }

    [Fact]
    public void Whitespace_around_unquoted_fields_is_trimmed_unless_disabled()
    {
        var t = Read("a , b\n 1 ,  x \n 2 , \" y \"\n");
        Assert.Equal([1.0, 2], ((NumericColumn)t["a"]).Values);
        Assert.Equal(["x", " y "], Enumerable.Range(0, 2).Select(r => ((CategoricalColumn)t["b"])[r]));
        var raw = Read("a,b\n1, x\n", new CsvReadOptions { TrimWhitespace = false });
        Assert.Equal(" x", ((CategoricalColumn)raw["b"])[0]);
    }

    [Fact]
    public void Blank_lines_are_skipped()
    {
        var t = Read("a\n\n1\n\n2\n\n");
        Assert.Equal(2, t.RowCount);
    }

    [Fact]
    public void Skip_lines_drops_leading_lines()
    {
        var t = Read("title line, with, commas\na,b\n1,2\n", new CsvReadOptions { SkipLines = 1 });
        Assert.Equal(["a", "b"], t.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Numeric_looking_categories_sort_numerically()
    {
        var t = Read("y\n10\n2\n1\n2\n", new CsvReadOptions { ForceCategorical = ["y"] });
        Assert.Equal(["1", "2", "10"], ((CategoricalColumn)t["y"]).Categories);
    }

    [Fact]
    public void Force_categorical_keeps_the_texts()
    {
        var t = Read("zip\n01234\n99\n", new CsvReadOptions { ForceCategorical = ["zip"] });
        Assert.Equal("01234", ((CategoricalColumn)t["zip"])[0]);
    }

    [Fact]
    public void Force_numeric_names_the_line_of_a_bad_value()
    {
        var e = Assert.Throws<DataFormatException>(() => Read("a\n1\n2\nthree\n", new CsvReadOptions { ForceNumeric = ["a"] }));
        Assert.StartsWith(_dir.File("t.csv") + ":4:", e.Message);
        Assert.Contains("three", e.Message);
    }

    [Fact]
    public void Label_column_is_categorical_and_counts_classes()
    {
        var t = Read("x,y\n0.1,1\n0.2,0\n0.3,1\n", new CsvReadOptions { LabelColumn = "y" });
        Assert.Equal("y", t.LabelName);
        Assert.Equal(["0", "1"], t.ClassLabels().Categories);
        Assert.Equal([1, 2], t.ClassCounts());
        Assert.Equal(["x"], t.Features.Select(c => c.Name));
    }

    [Fact]
    public void Label_column_can_be_forced_numeric_for_regression()
    {
        var t = Read("x,y\n0.1,1.5\n0.2,2.5\n", new CsvReadOptions { LabelColumn = "y", ForceNumeric = ["y"] });
        Assert.IsType<NumericColumn>(t.Label);
    }

    [Fact]
    public void Unknown_label_column_lists_the_columns()
    {
        var e = Assert.Throws<DataFormatException>(() => Read("a,b\n1,2\n", new CsvReadOptions { LabelColumn = "class" }));
        Assert.Equal($"{_dir.File("t.csv")}: label column 'class' not found; columns are: a, b", e.Message);
    }

    [Fact]
    public void Numbers_must_be_invariant_and_finite()
    {
        var t = Read("a,b,c\n1.5,\"1,5\",Infinity\n2,3,4\n");
        Assert.IsType<NumericColumn>(t["a"]);
        Assert.IsType<CategoricalColumn>(t["b"]);
        Assert.IsType<CategoricalColumn>(t["c"]);
    }

    [Fact]
    public void All_missing_column_is_numeric_and_all_nan()
    {
        var t = Read("a,b\n,1\n,2\n");
        Assert.Equal(2, ((NumericColumn)t["a"]).MissingCount());
    }
}
