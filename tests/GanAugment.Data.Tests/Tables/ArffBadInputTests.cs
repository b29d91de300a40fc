using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

public sealed class ArffBadInputTests : IDisposable
{
    private const string Head = "@relation r\n@attribute x numeric\n@attribute c {a,b}\n@data\n";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Fail(string content, ArffReadOptions? options = null)
    {
        var path = _dir.Write("bad.arff", content);
        var e = Assert.Throws<DataFormatException>(() => ArffReader.Read(path, options));
        Assert.DoesNotContain('\n', e.Message);
        return e.Message[path.Length..];
    }

    [Fact]
    public void Not_an_arff_file() => Assert.Equal(":1: expected @relation, got 'a,b,c'", Fail("a,b,c\n1,2,3\n"));

    [Fact]
    public void Empty_file() => Assert.Equal(": not an ARFF file (no @relation line)", Fail(""));

    [Fact]
    public void No_data_section() => Assert.Equal(": no @data section", Fail("@relation r\n@attribute x numeric\n"));

    [Fact]
    public void Data_before_attributes() => Assert.Equal(":2: @data comes before any @attribute", Fail("@relation r\n@data\n1\n"));

    [Fact]
    public void No_rows() => Assert.Equal(": the @data section holds no rows", Fail(Head + "% nothing\n"));

    [Fact]
    public void Unknown_type() => Assert.StartsWith(":2: attribute 'x' has unknown type 'numbr'", Fail("@relation r\n@attribute x numbr\n@data\n1\n"));

    [Fact]
    public void Relational_is_rejected() =>
        Assert.Equal(":2: attribute 'bag' is relational, which is not supported", Fail("@relation r\n@attribute bag relational\n@attribute x numeric\n@end bag\n@data\n"));

    [Fact]
    public void Duplicate_attribute() => Assert.Equal(":3: attribute 'x' is declared twice", Fail("@relation r\n@attribute x numeric\n@attribute x real\n@data\n1,2\n"));

    [Fact]
    public void Duplicate_nominal_value() => Assert.Equal(":2: attribute 'c' declares value 'a' twice", Fail("@relation r\n@attribute c {a,b,a}\n@data\na\n"));

    [Fact]
    public void Unclosed_nominal_list() => Assert.Equal(":2: a '{' is not closed by '}' on this line", Fail("@relation r\n@attribute c {a,b\n@data\na\n"));

    [Fact]
    public void Undeclared_nominal_value() => Assert.Equal(":6: 'z' is not a declared value of attribute 'c'", Fail(Head + "1,a\n2,z\n"));

    [Fact]
    public void Wrong_value_count() => Assert.Equal(":5: row has 3 values but 2 attributes are declared", Fail(Head + "1,a,3\n"));

    [Fact]
    public void Bad_number() => Assert.Equal(":6: attribute 'x' needs a number here, got '1,5x'", Fail(Head + "1,a\n'1,5x',b\n"));

    [Fact]
    public void Unclosed_string() => Assert.Equal(":5: a string opened with ' is not closed on this line", Fail(Head + "1,'a\n"));

    [Fact]
    public void Text_after_quoted_value() => Assert.Equal(":5: unexpected 'x' after a quoted value", Fail(Head + "1,'a'x\n"));

    [Fact]
    public void Sparse_index_out_of_range() => Assert.Equal(":5: a sparse row needs 'index value' pairs with indices 0..1", Fail(Head + "{5 1}\n"));

    [Fact]
    public void Sparse_index_out_of_order() => Assert.Equal(":5: sparse index 0 is out of order or repeated", Fail(Head + "{1 a, 0 1}\n"));

    [Fact]
    public void Sparse_row_omitting_a_string() =>
        Assert.Equal(":4: sparse row leaves out string attribute 's', which has no default value", Fail("@relation r\n@attribute s string\n@data\n{}\n"));

    [Fact]
    public void Forced_numeric_with_text() =>
        Assert.Equal(":5: attribute 'c' needs a number here, got 'a'", Fail(Head + "1,a\n", new ArffReadOptions { ForceNumeric = ["c"] }));

    [Fact]
    public void Unknown_forced_attribute() =>
        Assert.Equal(": attribute to force categorical 'q' not found; columns are: x, c", Fail(Head + "1,a\n", new ArffReadOptions { ForceCategorical = ["q"] }));
}
