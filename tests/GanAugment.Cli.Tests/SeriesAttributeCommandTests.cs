using System.Globalization;
using GanAugment.Data.TimeSeries;

namespace GanAugment.Cli.Tests;

/// <summary><c>train --attributes</c>, <c>sample --where</c> and <c>augment</c> for series with static attributes.</summary>
public sealed class SeriesAttributeCommandTests : IDisposable
{
    private static readonly string[] Tiny = ["--epochs", "1", "--max-steps", "2", "--option", "critic-steps=1", "--option", "hidden=8"];
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static SequenceDataset ReadLong(string path, params string[] attributes) =>
        SequenceCsvReader.ReadLong(path, new LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "time", LabelColumn = "label", AttributeColumns = attributes });

    [Fact]
    public void Waves_conditioned_on_two_attributes_sample_with_one_fixed_and_the_other_drawn_from_real_series()
    {
        var run = _cli.PathOf("run");
        var train = _cli.Run(["train", "rcgan", "--data", "waves", "--attributes", "frequency,amplitude", .. Tiny, "--out", run]);
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("static attributes frequency, amplitude", train.Out);

        var csv = _cli.PathOf("sines.csv");
        var sample = _cli.Run("sample", run, "--class", "sine", "--count", "8", "--where", "frequency=2.5", "--out", csv);
        Assert.True(sample.ExitCode == 0, sample.ToString());
        var series = ReadLong(csv, "frequency", "amplitude");
        Assert.Equal(8, series.Count);
        var waves = Waves.Generate(2000, 0);
        var realAmplitudes = Enumerable.Range(0, waves.Count).Where(i => waves.Labels![i] == 0).Select(i => waves.AttributesOf(i)[1]).ToHashSet();
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(2.5f, series.AttributesOf(i)[0], 4);
            var amplitude = series.AttributesOf(i)[1];
            Assert.True(realAmplitudes.Min(a => Math.Abs(a - amplitude)) < 1e-5, $"amplitude {amplitude} is no real sine's");
        }

        // The evaluation reads the attributes back from the generated series and from held-out real ones.
        var evaluate = _cli.Run("evaluate", "series", run, "--count", "16", "--permutations", "20", "--classifier-epochs", "1", "--out", _cli.PathOf("eval"));
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Contains("attribute 'amplitude' read back", evaluate.Out);
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_cli.PathOf("eval/evaluation.json"))).RootElement.GetProperty("attributes");
        Assert.Equal(["frequency", "amplitude"], json.EnumerateArray().Select(a => a.GetProperty("attribute").GetString()));

        // The run remembers its attributes: resuming trains the same model on the same columns.
        var resumed = _cli.Run(["train", "rcgan", "--out", run, "--resume", "--epochs", "2"]);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("static attributes frequency, amplitude", resumed.Out);
    }

    [Fact]
    public void Data_info_lists_the_static_attributes_a_built_in_set_draws()
    {
        var result = _cli.Run("data", "info", "waves");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("static attribute", result.Out);
        foreach (var name in new[] { "frequency", "amplitude", "offset", "phase" }) Assert.Contains(name, result.Out);
    }

    [Theory]
    [InlineData("frequency=fast", "a static attribute takes a number")]
    [InlineData("weight=2", "no static attribute 'weight'; the attributes are: frequency")]
    public void A_bad_where_on_attributes_is_one_line(string where, string message)
    {
        var run = _cli.PathOf("run");
        Assert.Equal(0, _cli.Run(["train", "rcgan", "--data", "waves", "--attributes", "frequency", .. Tiny, "--out", run]).ExitCode);
        var result = _cli.Run("sample", run, "--count", "2", "--where", where, "--out", _cli.PathOf("x.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(_cli.PathOf("x.csv")));
    }

    [Fact]
    public void Unknown_or_misplaced_attributes_are_usage_errors()
    {
        var unknown = _cli.Run(["train", "rcgan", "--data", "waves", "--attributes", "colour", .. Tiny, "--out", _cli.PathOf("a")]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--attributes: waves: no static attribute 'colour'; the attributes are: frequency, amplitude, offset, phase", Assert.Single(unknown.ErrorLines));

        var images = _cli.Run("train", "gan", "--data", "mnist", "--attributes", "x", "--epochs", "1", "--out", _cli.PathOf("b"));
        Assert.Equal(2, images.ExitCode);
        Assert.Contains("--attributes", Assert.Single(images.ErrorLines));

        var plain = _cli.PathOf("plain");
        Assert.Equal(0, _cli.Run(["train", "rcgan", "--data", "waves", .. Tiny, "--out", plain]).ExitCode);
        var where = _cli.Run("sample", plain, "--count", "2", "--where", "frequency=2", "--out", _cli.PathOf("y.csv"));
        Assert.Equal(2, where.ExitCode);
        Assert.Contains("without any", Assert.Single(where.ErrorLines));
    }

    [Fact]
    public void Augment_keeps_the_attribute_column_of_a_csv_and_gives_added_series_real_values_of_their_class()
    {
        // 40 series of 6 steps: class "low" has ages 20-39, class "high" ages 60-79; the value rises with age.
        var input = _cli.PathOf("patients.csv");
        var lines = new List<string> { "id,time,value,age,label" };
        for (var i = 0; i < 40; i++)
        {
            var age = i % 2 == 0 ? 20 + i / 2 : 60 + i / 2;
            for (var t = 0; t < 6; t++)
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{i},{t},{age / 100.0 + 0.1 * Math.Sin(t + i)},{age},{(i % 2 == 0 ? "low" : "high")}"));
        }
        File.WriteAllLines(input, lines);
        var run = _cli.PathOf("run");
        var train = _cli.Run(["train", "rcgan", "--data", input, "--series", "long", "--attributes", "age", .. Tiny, "--batch-size", "8", "--out", run]);
        Assert.True(train.ExitCode == 0, train.ToString());

        var output = _cli.PathOf("augmented.csv");
        var augment = _cli.Run("augment", run, "--classes", "high", "--up-to", "25", "--out", output);
        Assert.True(augment.ExitCode == 0, augment.ToString());
        Assert.StartsWith("id,time,value,age,label", File.ReadLines(output).First());
        var all = ReadLong(output, "age");
        Assert.Equal(45, all.Count);
        var added = Enumerable.Range(40, 5).ToArray();
        Assert.All(added, i => Assert.Equal("high", all.ClassNames[all.Labels![i]]));
        Assert.All(added, i => Assert.InRange(all.AttributesOf(i)[0], 60f, 79f));
        Assert.All(Enumerable.Range(0, 40), i => Assert.Equal(i % 2 == 0 ? 20 + i / 2 : 60 + i / 2, all.AttributesOf(i)[0]));
    }
}
