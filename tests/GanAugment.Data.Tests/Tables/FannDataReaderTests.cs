using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

public sealed class FannDataReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Fail(string content)
    {
        var path = _dir.Write("bad.data", content);
        var e = Assert.Throws<DataFormatException>(() => FannDataReader.Read(path));
        return e.Message[path.Length..];
    }

    [Fact]
    public void One_hot_outputs_become_a_class_label()
    {
        var t = FannDataReader.Read(_dir.Write("t.data", "3 2 3\n0.5 1\n0 0 1\n0.25 0\n1 0 0\n-1 2\n0 1 0\n"));
        Assert.Equal(["in1", "in2", "class"], t.Columns.Select(c => c.Name));
        Assert.Equal([0.5, 0.25, -1], ((NumericColumn)t["in1"]).Values);
        Assert.Equal(["1", "2", "3"], t.ClassLabels().Categories);
        Assert.Equal([2, 0, 1], t.ClassLabels().Codes);
    }

    [Fact]
    public void Other_outputs_stay_numeric()
    {
        var t = FannDataReader.Read(_dir.Write("t.data", "2 1 1\n0.5\n0.7\n0.1\n-0.3\n"));
        Assert.Equal(["in1", "out1"], t.Columns.Select(c => c.Name));
        Assert.Null(t.LabelName);
        Assert.Equal([0.7, -0.3], ((NumericColumn)t["out1"]).Values);
    }

    [Fact]
    public void Header_promising_more_numbers_than_present() =>
        Assert.Equal(":1: header promises 3 samples of 1+1 numbers, but the file holds 4 numbers", Fail("3 1 1\n1\n2\n3\n4\n"));

    [Fact]
    public void Huge_header_is_rejected_before_allocating() =>
        Assert.StartsWith(":1: header promises 2000000000 samples", Fail("2000000000 2000000000 5\n1 2\n"));

    [Fact]
    public void Bad_header_number() => Assert.StartsWith(":1: the input count in the header must be a positive whole number, got '-2'", Fail("1 -2 1\n1\n"));

    [Fact]
    public void Bad_value_names_its_line() => Assert.Equal(":4: 'x' is not a number", Fail("2 1 1\n1\n2\nx\n4\n"));

    [Fact]
    public void Empty_file() => Assert.Equal(": the file is empty", Fail(" \n"));
}
