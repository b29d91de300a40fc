using StbImageSharp;

namespace GanAugment.Cli.Tests.Report;

/// <summary><c>ganaug data show</c> on the bundled mnist-small set.</summary>
public sealed class DataShowTests
{
    [Fact]
    public void Writes_a_10x10_grid_of_real_digits_and_its_inverse()
    {
        using var cli = new CliHarness();
        var (plain, inverted) = (cli.PathOf("real.png"), cli.PathOf("inverted.png"));
        var result = cli.Run("data", "show", "mnist-small", "--count", "100", "--out", plain);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(plain, result.Out.Trim());
        Assert.True(cli.Run("data", "show", "mnist-small", "--invert", "--out", inverted).ExitCode == 0);

        var a = ImageResult.FromMemory(File.ReadAllBytes(plain), ColorComponents.Grey);
        var b = ImageResult.FromMemory(File.ReadAllBytes(inverted), ColorComponents.Grey);
        Assert.Equal((10 * 28 + 11 * 2, 10 * 28 + 11 * 2), (a.Width, a.Height));
        Assert.Equal(0, a.Data[0]);
        for (var i = 0; i < a.Data.Length; i += 97) Assert.Equal(255 - a.Data[i], b.Data[i]);
        Assert.InRange(a.Data.Count(p => p > 128), 1000, a.Data.Length / 2);
    }

    [Fact]
    public void Tables_and_bad_counts_are_one_line_usage_errors()
    {
        using var cli = new CliHarness();
        var table = cli.Run("data", "show", "credit-g");
        Assert.Equal(2, table.ExitCode);
        Assert.Equal("ganaug: error: <name>: 'credit-g' is a table data set; data show draws images (see `ganaug data info credit-g`)", Assert.Single(table.ErrorLines));
        var zero = cli.Run("data", "show", "mnist-small", "--count", "0", "--out", cli.PathOf("x.png"));
        Assert.Equal(2, zero.ExitCode);
        Assert.Equal("ganaug: error: --count: must be a positive number of images, got 0", Assert.Single(zero.ErrorLines));
        Assert.False(File.Exists(cli.PathOf("x.png")));
    }
}
