using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

public sealed class CsvBadInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Fail(string content, CsvReadOptions? options = null)
    {
        var path = _dir.Write("bad.csv", content);
        var e = Assert.Throws<DataFormatException>(() => CsvTableReader.Read(path, options));
        Assert.DoesNotContain('\n', e.Message);
        return e.Message[path.Length..];
    }

    [Fact]
    public void Row_with_too_many_fields_names_its_line() =>
        Assert.Equal(":3: row has 3 fields but the header has 2", Fail("a,b\n1,2\n1,2,3\n4,5\n"));

    [Fact]
    public void Row_with_too_few_fields_names_its_line() =>
        Assert.Equal(":4: row has 1 fields but the header has 2", Fail("a,b\n1,2\n3,4\n5\n"));

    [Fact]
    public void Ragged_row_without_header_names_its_line() =>
        Assert.StartsWith(":2: row has 3 fields but the first row has 2", Fail("1,2\n1,2,3\n", new CsvReadOptions { HasHeader = false }));

    [Fact]
    public void Quote_inside_unquoted_field() =>
        Assert.StartsWith(":2: a quote inside an unquoted field", Fail("a,b\n5'10\",x\n"));

    [Fact]
    public void Text_after_closing_quote() =>
        Assert.StartsWith(":3: unexpected 'b' after a closing quote", Fail("a,b\n1,2\n\"a\"b,3\n"));

    [Fact]
    public void Unclosed_quote_names_the_line_where_it_opened() =>
        Assert.StartsWith(":2: a quoted field opened on this line is never closed", Fail("a,b\n\"oops,1\n2,3\n"));

    [Fact]
    public void Empty_file() => Assert.Equal(": the file holds no records", Fail(""));

    [Fact]
    public void Header_without_rows() => Assert.Equal(":1: the header is not followed by any data rows", Fail("a,b\n\n"));

    [Fact]
    public void Duplicate_column_name() => Assert.Equal(":1: column name 'a' appears twice in the header", Fail("a,b,a\n1,2,3\n"));

    [Fact]
    public void Column_name_with_line_break() => Assert.StartsWith(":1: column name 'a\\nb' holds a line break", Fail("\"a\nb\",c\n1,2\n"));

    [Fact]
    public void Invalid_utf8_names_the_byte_offset()
    {
        var path = _dir.Write("bad.csv", [.. "a,b\n1,"u8.ToArray(), 0xC3, 0x28, .. "\n"u8.ToArray()]);
        var e = Assert.Throws<DataFormatException>(() => CsvTableReader.Read(path));
        Assert.Equal($"{path} (byte 6): not valid UTF-8 text (save the file as UTF-8)", e.Message);
    }

    [Fact]
    public void Unknown_forced_column_lists_the_columns() =>
        Assert.Equal(": column to force numeric 'z' not found; columns are: a, b", Fail("a,b\n1,2\n", new CsvReadOptions { ForceNumeric = ["z"] }));

    [Fact]
    public void Column_forced_both_ways() =>
        Assert.Equal(": column 'a' is forced both categorical and numeric", Fail("a\n1\n", new CsvReadOptions { ForceNumeric = ["a"], ForceCategorical = ["a"] }));

    [Fact]
    public void Missing_file_is_a_data_format_error()
    {
        var path = _dir.File("nope.csv");
        var e = Assert.Throws<DataFormatException>(() => CsvTableReader.Read(path));
        Assert.StartsWith(path + ": cannot read the file", e.Message);
    }

    [Fact]
    public void Delimiter_cannot_be_a_quote() =>
        Assert.Throws<ArgumentException>(() => CsvTableReader.Read(_dir.Write("x.csv", "a\n1\n"), new CsvReadOptions { Delimiter = '"' }));
}
