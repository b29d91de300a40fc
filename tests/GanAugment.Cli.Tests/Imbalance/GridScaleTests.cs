using GanAugment.Data.Images;

namespace GanAugment.Cli.Tests.Imbalance;

/// <summary>The synthetic-sample grids of evaluate imbalance and the demo are enlarged by --grid-scale (default 2).</summary>
public sealed class GridScaleTests
{
    private static CliResult Evaluate(CliHarness cli, string output, params string[] extra) =>
        cli.Run([.. new[] { "evaluate", "imbalance", "--data", "mnist-small", "--target-class", "3", "--drop", "0.95", "--seeds", "2",
            "--methods", "plain,mirror", "--classifier-epochs", "1", "--classifier-max-steps", "1", "--classifier-width", "4", "--out", output }, .. extra]);

    [Fact]
    public void Synthetic_grids_show_each_digit_at_twice_its_size_by_default_and_at_the_given_scale()
    {
        using var cli = new CliHarness();
        var byDefault = Evaluate(cli, cli.PathOf("default"));
        Assert.True(byDefault.ExitCode == 0, byDefault.ToString());
        var tripled = Evaluate(cli, cli.PathOf("tripled"), "--grid-scale", "3");
        Assert.True(tripled.ExitCode == 0, tripled.ToString());

        // One row (one target class) of ten 28-pixel digits, 2 pixels of gap around and between.
        var two = ImageFile.Read(Path.Combine(cli.PathOf("default"), "synthetic_mirror.png"));
        var three = ImageFile.Read(Path.Combine(cli.PathOf("tripled"), "synthetic_mirror.png"));
        Assert.Equal(56 + 2 * 2, two.Height);
        Assert.Equal(84 + 2 * 2, three.Height);
        // The label column stays; the ten cells grow by 28 pixels each.
        Assert.Equal(10 * 28, three.Width - two.Width);
    }

    [Theory]
    [InlineData("evaluate", "imbalance", "--data", "mnist-small", "--target-class", "3", "--grid-scale", "0")]
    [InlineData("evaluate", "imbalance", "--data", "mnist-small", "--target-class", "3", "--grid-scale", "17")]
    [InlineData("demo", "--grid-scale", "17")]
    public void A_bad_grid_scale_is_one_line_naming_the_option(params string[] args)
    {
        using var cli = new CliHarness();
        var result = cli.Run(args);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("ganaug: error: --grid-scale", Assert.Single(result.ErrorLines));
    }
}
