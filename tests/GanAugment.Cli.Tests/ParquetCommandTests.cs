using System.Globalization;
using GanAugment.Data.Tables;

namespace GanAugment.Cli.Tests;

/// <summary>Parquet tables in every command that reads CSV/ARFF tables: data info, train, sample, augment, evaluate table and imbalance.</summary>
public sealed class ParquetCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>The toy table of TableCommandTests (80 rows, "bad" one row in five) with one missing size, as CSV and as Parquet.</summary>
    private (string Csv, string Parquet) WriteToy(string name = "toy")
    {
        var csv = _cli.PathOf(name + ".csv");
        var rows = Enumerable.Range(0, 80).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{(i == 3 ? "" : (i % 4 * 1.5 + 0.25).ToString(CultureInfo.InvariantCulture))},{(i % 3 == 0 ? "red" : "blue")},{i % 3 + 1},{(i % 5 == 0 ? "bad" : "good")}"));
        File.WriteAllLines(csv, ["size,colour,rating,label", .. rows]);
        var parquet = _cli.PathOf(name + ".parquet");
        ParquetTableWriter.Write(CsvTableReader.Read(csv), parquet);
        return (csv, parquet);
    }

    [Fact]
    public void Data_info_of_a_parquet_table_says_what_it_says_of_the_same_csv()
    {
        var (csv, parquet) = WriteToy();
        var fromCsv = _cli.Run("data", "info", csv, "--target", "label");
        var fromParquet = _cli.Run("data", "info", parquet, "--target", "label");
        Assert.True(fromParquet.ExitCode == 0, fromParquet.ToString());
        Assert.Contains("80 rows, 4 columns, class column 'label'", fromParquet.Out);
        Assert.Equal(fromCsv.Out.Replace(csv, "TOY", StringComparison.Ordinal), fromParquet.Out.Replace(parquet, "TOY", StringComparison.Ordinal));
    }

    [Fact]
    public void Train_sample_augment_and_evaluate_table_read_and_write_parquet()
    {
        var (_, parquet) = WriteToy();
        var run = _cli.PathOf("run");
        var train = _cli.Run("train", "table-wgan-gp", "--data", parquet, "--target", "label", "--epochs", "1", "--batch-size", "20", "--out", run);
        Assert.True(train.ExitCode == 0, train.ToString());

        var sample = _cli.PathOf("bad.parquet");
        var sampled = _cli.Run("sample", run, "--class", "bad", "--count", "37", "--where", "colour=blue", "--out", sample);
        Assert.True(sampled.ExitCode == 0, sampled.ToString());
        var rows = ParquetTableReader.Read(sample);
        Assert.Equal(["size", "colour", "rating", "label"], rows.Columns.Select(c => c.Name));
        Assert.Equal(37, rows.RowCount);
        Assert.IsType<NumericColumn>(rows["rating"]);
        Assert.All(Enumerable.Range(0, 37), i => Assert.Equal(("bad", "blue"), (((CategoricalColumn)rows["label"])[i], ((CategoricalColumn)rows["colour"])[i])));

        var balanced = _cli.PathOf("balanced.parquet");
        var augmented = _cli.Run("augment", run, "--out", balanced, "--seed", "4");
        Assert.True(augmented.ExitCode == 0, augmented.ToString());
        var table = ParquetTableReader.Read(balanced);
        Assert.Equal(128, table.RowCount);
        Assert.Equal(48, ((NumericColumn)table["synthetic"]).Values.Count(v => v == 1));
        Assert.True(table["size"].IsMissing(3));

        var (_, test) = WriteToy("test");
        var folder = _cli.PathOf("eval");
        var evaluated = _cli.Run("evaluate", "table", run, "--real", test, "--out", folder, "--threads", "1");
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        Assert.Equal(80, ParquetTableReader.Read(Path.Combine(folder, "synthetic.parquet")).RowCount);
    }

    [Fact]
    public void The_imbalance_protocol_reads_parquet_train_and_test_tables()
    {
        var (_, train) = WriteToy();
        var (_, test) = WriteToy("test");
        var folder = _cli.PathOf("imbalance");
        var result = _cli.Run("evaluate", "imbalance", "--data", train, "--test", test, "--target", "label", "--methods", "plain,oversample", "--seeds", "1", "--threads", "1", "--out", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("raising bad by 48", result.Out);
    }

    [Fact]
    public void A_broken_parquet_file_is_one_line_naming_it()
    {
        var path = _cli.PathOf("broken.parquet");
        File.WriteAllText(path, "not parquet");
        var result = _cli.Run("train", "table-wgan-gp", "--data", path, "--target", "label", "--epochs", "1", "--out", _cli.PathOf("r"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{path}: cannot read as Parquet", result.Error);
        Assert.Single(result.ErrorLines);
    }
}
