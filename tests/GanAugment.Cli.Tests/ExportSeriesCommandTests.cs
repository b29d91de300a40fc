using System.Globalization;

namespace GanAugment.Cli.Tests;

/// <summary><c>sample --engine onnx</c> on series and table runs: the rows written equal the native engine's.</summary>
public sealed class ExportSeriesCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public void Rcgan_series_through_onnx_runtime_equal_the_native_ones()
    {
        var run = _cli.PathOf("run-waves");
        var train = _cli.Run("train", "rcgan", "--data", "waves", "--epochs", "1", "--max-steps", "2", "--option", "critic-steps=1", "--option", "hidden=16",
            "--sample-every", "0", "--stats-samples", "0", "--out", run);
        Assert.True(train.ExitCode == 0, train.ToString());
        AssertSameNumbers(Sample(run, ".csv", "native"), Sample(run, ".csv", "onnx"));
    }

    [Fact]
    public void Table_rows_asked_for_a_category_through_onnx_runtime_equal_the_native_ones()
    {
        var data = _cli.PathOf("toy.csv");
        var rows = Enumerable.Range(0, 80).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{i % 4 * 1.5 + 0.25},{(i % 3 == 0 ? "red" : "blue")},{(i % 5 == 0 ? "bad" : "good")}"));
        File.WriteAllLines(data, ["size,colour,label", .. rows]);
        var run = _cli.PathOf("run-toy");
        var train = _cli.Run("train", "table-wgan-gp", "--data", data, "--target", "label", "--epochs", "1", "--batch-size", "20", "--sample-every", "0", "--out", run);
        Assert.True(train.ExitCode == 0, train.ToString());
        var native = Sample(run, ".csv", "native", "--where", "colour=red");
        AssertSameNumbers(native, Sample(run, ".csv", "onnx", "--where", "colour=red"));
        Assert.All(native.Skip(1), line => Assert.Contains(",red", line));
    }

    private string[] Sample(string run, string extension, string engine, params string[] more)
    {
        var path = _cli.PathOf($"{Path.GetFileName(run)}-{engine}{extension}");
        var result = _cli.Run(["sample", run, "--count", "12", "--seed", "3", "--engine", engine, "--out", path, .. more]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return File.ReadAllLines(path);
    }

    /// <summary>The same lines, numbers equal to 1e-3 (what 1e-4 in the generator's scale becomes in the data's units).</summary>
    private static void AssertSameNumbers(string[] expected, string[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        foreach (var (e, a) in expected.Zip(actual))
        {
            var (ef, af) = (e.Split(','), a.Split(','));
            Assert.Equal(ef.Length, af.Length);
            foreach (var (x, y) in ef.Zip(af))
            {
                if (double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var u) && double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    Assert.True(Math.Abs(u - v) <= 1e-3 * Math.Max(1, Math.Abs(u)), $"{x} vs {y} in '{e}' / '{a}'");
                else Assert.Equal(x, y);
            }
        }
    }

    public void Dispose() => _cli.Dispose();
}
