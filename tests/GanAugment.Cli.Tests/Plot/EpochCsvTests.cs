using GanAugment.Cli.Commands.Plot;
using GanAugment.Data;

namespace GanAugment.Cli.Tests.Plot;

/// <summary>The reader of a run's per-epoch CSV files, on small hand-written files.</summary>
public sealed class EpochCsvTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string text)
    {
        var path = Path.Combine(_temp.Path, "epoch_losses.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_columns_and_rows_with_NaN_and_Infinity()
    {
        var csv = EpochCsv.Read(Write("epoch,seconds,d,g\n1,2.5,0.7,NaN\n2,2.4,0.6,Infinity\n"));
        Assert.Equal(["epoch", "seconds", "d", "g"], csv.Columns);
        Assert.Equal([1.0, 2.0], csv.Column("epoch"));
        Assert.Equal([0.7, 0.6], csv.Column("d"));
        Assert.True(double.IsNaN(csv.Column("g")[0]) && double.IsPositiveInfinity(csv.Column("g")[1]));
    }

    [Fact]
    public void A_repeated_epoch_keeps_its_last_row_in_epoch_order()
    {
        // A run resumed from epoch 1 after epoch 2 had been written.
        var csv = EpochCsv.Read(Write("epoch,g\n1,5\n2,4\n2,3\n3,2\n"));
        Assert.Equal([1.0, 2, 3], csv.Column("epoch"));
        Assert.Equal([5.0, 3, 2], csv.Column("g"));
    }

    [Theory]
    [InlineData("", ":1: empty")]
    [InlineData("step,g\n1,2\n", ":1: the first column must be 'epoch'")]
    [InlineData("epoch,g,g\n1,2,3\n", ":1: column 'g' appears twice")]
    [InlineData("epoch,g\n", ":2: has a header but no rows")]
    [InlineData("epoch,g\n1,2\n2,3,4\n", ":3: 3 fields, but the header has 2")]
    [InlineData("epoch,g\n1,2\n\n3,x\n", ":4: g 'x' is not a number")]
    [InlineData("epoch,g\n1.5,2\n", ":2: epoch '1.5' is not a whole number")]
    public void Bad_files_name_the_file_and_line(string text, string expected)
    {
        var path = Write(text);
        var e = Assert.Throws<DataFormatException>(() => EpochCsv.Read(path));
        Assert.StartsWith(path + expected, e.Message);
    }

    [Fact]
    public void Missing_file_and_missing_column_are_data_errors()
    {
        var missing = Path.Combine(_temp.Path, "stats.csv");
        Assert.StartsWith(missing + ": not found", Assert.Throws<DataFormatException>(() => EpochCsv.Read(missing)).Message);
        var csv = EpochCsv.Read(Write("epoch,real_mean\n1,0.1\n"));
        var e = Assert.Throws<DataFormatException>(() => csv.Require(["real_mean", "fake_std"]));
        Assert.Equal($"{csv.Path}:1: no 'fake_std' column (the header is epoch,real_mean)", e.Message);
    }
}
