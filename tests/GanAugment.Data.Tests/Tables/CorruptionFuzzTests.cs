using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

/// <summary>Hundreds of seeded corruptions of valid files: readers may only succeed or throw <see cref="DataFormatException"/>.</summary>
public sealed class CorruptionFuzzTests : IDisposable
{
    private const string ValidCsv = """"
        id,"name, full",score,grade,when
        1,"Smith, J.",3.5,A,2020-01-01
        2,"multi
        line",-1e3,B,?
        3,plain,,"A",NA
        4,"say ""hi""",42,C,2020-02-03
        """";

    private const string ValidArff = """
        % comment
        @relation 'fuzz me'
        @attribute a numeric
        @attribute 'b c' {x, 'y z', w}
        @attribute s string
        @attribute class {good, bad}
        @data
        1.5,x,'it\'s',good
        ?,'y z',"q, r",bad
        {0 2, 1 w, 2 t, 3 bad}
        -3,w,?,good,{0.5}
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Csv_reader_only_throws_data_format_errors()
    {
        var rejected = Corruptions.AssertOnlyDataFormatErrors("\uFEFF"u8.ToArray().Concat(System.Text.Encoding.UTF8.GetBytes(ValidCsv)).ToArray(), _dir.File("f.csv"), count: 400, seed: 11,
            path => CsvTableReader.Read(path, new CsvReadOptions { LabelColumn = "grade", ForceNumeric = ["score"] }));
        Assert.InRange(rejected, 40, 400); // the edits must actually break files, or the test proves nothing
    }

    [Fact]
    public void Arff_reader_only_throws_data_format_errors()
    {
        var rejected = Corruptions.AssertOnlyDataFormatErrors(System.Text.Encoding.UTF8.GetBytes(ValidArff), _dir.File("f.arff"), count: 400, seed: 12,
            path => ArffReader.Read(path, new ArffReadOptions { LabelColumn = "class" }));
        Assert.InRange(rejected, 40, 400);
    }

    [Fact]
    public void Fann_reader_only_throws_data_format_errors()
    {
        var rejected = Corruptions.AssertOnlyDataFormatErrors("3 2 3\n0.5 1\n0 0 1\n0.25 0\n1 0 0\n-1 2\n0 1 0\n"u8.ToArray(), _dir.File("f.data"), count: 300, seed: 13,
            path => FannDataReader.Read(path));
        Assert.InRange(rejected, 40, 300);
    }
}
