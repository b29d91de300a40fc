using System.Globalization;
using GanAugment.Data.Tables;

namespace GanAugment.Cli.Tests;

/// <summary><c>train</c> and <c>sample</c> on a table: the run keeps the table's spec, and samples go back to its columns and format.</summary>
public sealed class ModalityCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private string WriteTable()
    {
        var path = _cli.PathOf("toy.csv");
        var rows = Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{i % 4 * 1.5 + 0.25},{(i % 3 == 0 ? "red" : "blue")},{(i % 5 == 0 ? "bad" : "good")}"));
        File.WriteAllLines(path, ["size,colour,label", .. rows]);
        return path;
    }

    [Fact]
    public void A_table_model_trains_on_a_csv_and_samples_rows_of_the_asked_class_in_its_columns()
    {
        var run = _cli.PathOf("run-table");
        var train = _cli.Run("train", "table-gan", "--data", WriteTable(), "--target", "label", "--epochs", "1", "--batch-size", "20", "--out", run);
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("60 rows of 2 columns", train.Out);
        Assert.True(File.Exists(Path.Combine(run, "samples", "epoch-001.csv")));
        Assert.True(File.Exists(Path.Combine(run, "samples", "epoch-001-columns.png")));

        var csv = _cli.PathOf("rows.csv");
        var sample = _cli.Run("sample", run, "--class", "1", "--count", "25", "--out", csv);
        Assert.True(sample.ExitCode == 0, sample.ToString());
        var rows = CsvTableReader.Read(csv);
        Assert.Equal(["size", "colour", "label"], rows.Columns.Select(c => c.Name));
        Assert.Equal(25, rows.RowCount);
        var label = (CategoricalColumn)rows["label"];
        Assert.Single(Enumerable.Range(0, 25).Select(i => label[i]).Distinct());
        Assert.All(Enumerable.Range(0, 25), i => Assert.Contains(((CategoricalColumn)rows["colour"])[i], new[] { "red", "blue" }));

        var arff = _cli.PathOf("rows.arff");
        Assert.Equal(0, _cli.Run("sample", run, "--count", "10", "--out", arff).ExitCode);
        Assert.Equal(10, ArffReader.Read(arff).RowCount);
    }

    [Fact]
    public void A_series_model_trains_on_waves_and_samples_series_of_the_asked_class_as_csv()
    {
        var run = _cli.PathOf("run-waves");
        var train = _cli.Run("train", "rcgan", "--data", "waves", "--epochs", "1", "--max-steps", "2", "--option", "critic-steps=1", "--option", "hidden=16", "--out", run);
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("2000 sequences of 30 steps x 1 features, 2 classes", train.Out);
        Assert.True(File.Exists(Path.Combine(run, "samples", "epoch-001.png")));

        var csv = _cli.PathOf("waves.csv");
        var sample = _cli.Run("sample", run, "--class", "1", "--count", "6", "--out", csv);
        Assert.True(sample.ExitCode == 0, sample.ToString());
        var series = Data.TimeSeries.SequenceCsvReader.ReadLong(csv, new Data.TimeSeries.LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "time", LabelColumn = "label" });
        Assert.Equal((6, 30), (series.Count, series.Length));
        Assert.All(series.Labels!, y => Assert.Equal("sawtooth", series.ClassNames[y]));
    }

    [Fact]
    public void Augment_adds_series_of_a_class_to_the_run_s_series_in_its_form_with_a_manifest()
    {
        var run = _cli.PathOf("run-waves-augment");
        Assert.Equal(0, _cli.Run("train", "rcgan", "--data", "waves", "--epochs", "1", "--max-steps", "2", "--option", "critic-steps=1", "--option", "hidden=16", "--out", run).ExitCode);
        var csv = _cli.PathOf("waves-augmented.csv");
        var augment = _cli.Run("augment", run, "--classes", "sawtooth", "--up-to", "1010", "--out", csv);
        Assert.True(augment.ExitCode == 0, augment.ToString());
        Assert.Contains("10 synthetic series", augment.Out);

        // The file trains as it is (long form, the run's columns); the manifest marks the added series.
        var series = Data.TimeSeries.SequenceCsvReader.ReadLong(csv, new Data.TimeSeries.LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "time", LabelColumn = "label" });
        Assert.Equal((2010, 30), (series.Count, series.Length));
        Assert.Equal(1010, series.Labels!.Count(y => series.ClassNames[y] == "sawtooth"));
        var manifest = File.ReadAllLines(Path.ChangeExtension(csv, ".manifest.csv"));
        Assert.Equal("id,class,synthetic", manifest[0]);
        Assert.Equal(2010, manifest.Length - 1);
        Assert.All(manifest.Skip(1 + 2000), r => Assert.EndsWith(",sawtooth,1", r));
        Assert.All(manifest.Skip(1).Take(2000), r => Assert.EndsWith(",0", r));

        var again = _cli.Run("augment", run, "--classes", "sawtooth", "--up-to", "1010", "--out", csv);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("--overwrite", Assert.Single(again.ErrorLines));
        var nothing = _cli.Run("augment", run, "--out", _cli.PathOf("same.csv"));
        Assert.Contains("nothing to add", Assert.Single(nothing.ErrorLines));
    }

    [Fact]
    public void An_unconditional_series_model_writes_series_without_a_class()
    {
        var run = _cli.PathOf("run-rgan");
        var train = _cli.Run("train", "rgan", "--data", "waves", "--epochs", "1", "--max-steps", "2", "--option", "critic-steps=1", "--option", "hidden=16", "--out", run);
        Assert.True(train.ExitCode == 0, train.ToString());
        var csv = _cli.PathOf("rgan.csv");
        Assert.Equal(0, _cli.Run("sample", run, "--count", "4", "--out", csv).ExitCode);
        Assert.DoesNotContain("label", File.ReadLines(csv).First());
        Assert.Equal(4, Data.TimeSeries.SequenceCsvReader.ReadLong(csv, new Data.TimeSeries.LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "time" }).Count);
    }

    [Fact]
    public void A_missing_target_column_is_named_in_one_line()
    {
        var result = _cli.Run("train", "table-gan", "--data", WriteTable(), "--target", "kind", "--epochs", "1", "--out", _cli.PathOf("r"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--target: column 'kind' not found", result.Error);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public void The_co2_series_without_its_file_says_how_to_get_it_in_one_line()
    {
        var result = _cli.Run("train", "rcgan", "--data", "co2", "--path", _cli.PathOf("nowhere"), "--epochs", "1", "--out", _cli.PathOf("r"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("python3-statsmodels", result.Error);
        Assert.Single(result.ErrorLines);
        Assert.False(Directory.Exists(_cli.PathOf("r")));
    }
}
