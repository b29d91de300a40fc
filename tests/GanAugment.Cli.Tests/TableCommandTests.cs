using System.Globalization;
using GanAugment.Data.Tables;

namespace GanAugment.Cli.Tests;

/// <summary>Tables through the CLI: exact class and <c>--where</c> sampling, <c>augment</c>, <c>--discrete</c>, bad tables, <c>data info</c> of a catalogue table.</summary>
public sealed class TableCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>80 rows: a number, a colour, a 1..3 rating (integer, so inferred discrete), a label with "bad" in one row of five.</summary>
    private string WriteToy(string name = "toy.csv")
    {
        var path = _cli.PathOf(name);
        var rows = Enumerable.Range(0, 80).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{i % 4 * 1.5 + 0.25},{(i % 3 == 0 ? "red" : "blue")},{i % 3 + 1},{(i % 5 == 0 ? "bad" : "good")}"));
        File.WriteAllLines(path, ["size,colour,rating,label", .. rows]);
        return path;
    }

    private string Train(string data, params string[] more)
    {
        var run = _cli.PathOf("run-" + Path.GetFileNameWithoutExtension(data));
        var result = _cli.Run(["train", "table-wgan-gp", "--data", data, "--target", "label", "--epochs", "1", "--batch-size", "20", "--out", run, .. more]);
        Assert.True(result.ExitCode == 0, result.ToString());
        // The epoch preview compares real and generated columns in the input's kinds (rating is modelled discrete).
        Assert.True(File.Exists(Path.Combine(run, "samples", "epoch-001-columns.png")));
        return run;
    }

    private static void AssertOneLine(CliResult result, int code, string contains)
    {
        Assert.True(result.ExitCode == code, result.ToString());
        Assert.Contains(contains, result.Error);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public void Sample_by_class_name_and_where_gives_exactly_the_asked_rows_and_numbers_stay_numbers()
    {
        var run = Train(WriteToy());
        var csv = _cli.PathOf("bad.csv");
        var result = _cli.Run("sample", run, "--class", "bad", "--count", "37", "--where", "colour=blue", "--where", "rating=2", "--out", csv);
        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = CsvTableReader.Read(csv);
        Assert.Equal(["size", "colour", "rating", "label"], rows.Columns.Select(c => c.Name));
        Assert.Equal(37, rows.RowCount);
        Assert.All(Enumerable.Range(0, 37), i => Assert.Equal(("bad", "blue", 2.0), (((CategoricalColumn)rows["label"])[i], ((CategoricalColumn)rows["colour"])[i], ((NumericColumn)rows["rating"])[i])));
    }

    [Fact]
    public void Bad_class_and_where_values_are_one_line_errors_listing_the_valid_choices()
    {
        var run = Train(WriteToy());
        var csv = _cli.PathOf("x.csv");
        AssertOneLine(_cli.Run("sample", run, "--class", "fraud", "--count", "3", "--out", csv), 2, "--class: 'fraud' is not a class of this data set; give a name or an index: 0 bad, 1 good");
        AssertOneLine(_cli.Run("sample", run, "--where", "shade=red", "--count", "3", "--out", csv), 2, "--where: 'shade' is not a discrete column of the table; discrete columns: colour, rating");
        AssertOneLine(_cli.Run("sample", run, "--where", "colour=pink", "--count", "3", "--out", csv), 2, "--where: column 'colour' has no category 'pink'; its categories: blue, red");
        Assert.False(File.Exists(csv));
    }

    [Fact]
    public void Augment_raises_every_class_to_the_largest_and_marks_the_synthetic_rows()
    {
        var run = Train(WriteToy());
        var output = _cli.PathOf("balanced.csv");
        var result = _cli.Run("augment", run, "--out", output, "--seed", "4");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"bad\W+16\W+48\W+64", result.Out);
        Assert.Matches(@"good\W+64\W+0\W+64", result.Out);
        var rows = CsvTableReader.Read(output);
        Assert.Equal(["size", "colour", "rating", "label", "synthetic"], rows.Columns.Select(c => c.Name));
        Assert.Equal(128, rows.RowCount);
        var (label, synthetic) = ((CategoricalColumn)rows["label"], (NumericColumn)rows["synthetic"]);
        Assert.Equal(48, synthetic.Values.Count(v => v == 1));
        Assert.All(Enumerable.Range(80, 48), i => Assert.Equal(("bad", 1.0), (label[i], synthetic[i])));
        Assert.All(Enumerable.Range(0, 80), i => Assert.Equal(0.0, synthetic[i]));

        var arff = _cli.PathOf("some.arff");
        var counted = _cli.Run("augment", run, "--data", WriteToy("other.csv"), "--classes", "bad", "--up-to", "20", "--out", arff);
        Assert.True(counted.ExitCode == 0, counted.ToString());
        Assert.Equal(84, ArffReader.Read(arff).RowCount);
        AssertOneLine(_cli.Run("augment", run, "--out", output), 2, "exists; pass --overwrite");
    }

    [Fact]
    public void Bad_tables_give_one_line_errors_naming_the_file_and_the_line_or_column()
    {
        var ragged = _cli.PathOf("ragged.csv");
        File.WriteAllLines(ragged, ["a,b,label", "1,2,x", "3,y", "5,6,x"]);
        AssertOneLine(_cli.Run("train", "table-gan", "--data", ragged, "--target", "label", "--out", _cli.PathOf("r1")), 1, $"{ragged}:3");

        var constant = _cli.PathOf("constant.csv");
        File.WriteAllLines(constant, ["a,b,label", "1,k,x", "2,k,y", "3,k,x", "4,k,y"]);
        AssertOneLine(_cli.Run("train", "table-gan", "--data", constant, "--target", "label", "--out", _cli.PathOf("r2")), 1, $"{constant}: column 'b' holds the one value 'k' in every row");

        var single = _cli.PathOf("single.csv");
        File.WriteAllLines(single, ["a,b,label", "1,k,x", "2,j,y", "3,k,x", "4,k,x"]);
        AssertOneLine(_cli.Run("train", "table-gan", "--data", single, "--target", "label", "--out", _cli.PathOf("r3")), 1, $"{single}: class 'y' of target 'label' has a single row (data row 2)");

        AssertOneLine(_cli.Run("train", "table-gan", "--data", WriteToy(), "--target", "label", "--discrete", "ratings", "--out", _cli.PathOf("r4")), 2, "--discrete: column 'ratings' not found");
        Assert.False(Directory.Exists(_cli.PathOf("r4")) && File.Exists(Path.Combine(_cli.PathOf("r4"), "manifest.json")));
    }

    [Fact]
    public void Discrete_columns_are_kept_by_the_run_for_resume_and_sample()
    {
        var run = Train(WriteToy(), "--discrete", "size");
        var resumed = _cli.Run("train", "table-wgan-gp", "--out", run, "--resume", "--epochs", "2", "--sample-every", "0");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var csv = _cli.PathOf("s.csv");
        Assert.Equal(0, _cli.Run("sample", run, "--where", "size=1.75", "--count", "5", "--out", csv).ExitCode);
        Assert.All(((NumericColumn)CsvTableReader.Read(csv)["size"]).Values, v => Assert.Equal(1.75, v));
    }

    [Fact]
    public void Data_info_of_a_catalogue_table_describes_its_classes_and_columns()
    {
        var folder = _cli.PathOf("weka");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "credit-g.arff"),
            "@relation toy\n@attribute duration numeric\n@attribute purpose {car,radio}\n@attribute class {good,bad}\n@data\n6,car,good\n12,?,bad\n24,radio,good\n");
        var result = _cli.Run("data", "info", "credit-g", "--path", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("3 rows, 3 columns, class column 'class'", result.Out);
        Assert.Matches(@"purpose\s+.\s*categorical\s+.\s*2 categories: car, radio\s+.\s*1", result.Out);
        Assert.Matches(@"good\s+.\s*2", result.Out);
    }
}
