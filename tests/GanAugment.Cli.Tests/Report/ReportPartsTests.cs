using GanAugment.Cli.Commands.Data;
using GanAugment.Cli.Commands.Report;
using GanAugment.Cli.Rendering;
using GanAugment.Data.Images;

namespace GanAugment.Cli.Tests.Report;

/// <summary>The pieces of the report: Markdown tables, epoch grouping of PNGs, the real-image grid.</summary>
public sealed class ReportPartsTests
{
    [Fact]
    public void Markdown_tables_keep_their_alignment_and_inline_marks()
    {
        var html = MarkdownHtml.ToHtml("## Verdict\n\n| a | b |\n|:---|---:|\n| **x** | `1 < 2` |\n\n- one\n- two & three\n", _ => null);
        Assert.Equal(
            "<h3>Verdict</h3>\n<table><thead><tr><th>a</th><th style=\"text-align:right\">b</th></tr></thead>\n<tbody>\n" +
            "<tr><td><strong>x</strong></td><td style=\"text-align:right\"><code>1 &lt; 2</code></td></tr>\n</tbody></table>\n" +
            "<ul>\n<li>one</li>\n<li>two &amp; three</li>\n</ul>\n", html);
    }

    [Fact]
    public void Markdown_images_are_inlined_or_named_as_missing()
    {
        var html = MarkdownHtml.ToHtml("![PCA](pca.png) and ![gone](gone.png)", f => f == "pca.png" ? [1, 2, 3] : null);
        Assert.Equal("<p><img alt=\"PCA\" src=\"data:image/png;base64,AQID\"> and [gone: gone.png not found]</p>\n", html);
    }

    [Theory]
    [InlineData("samples/epoch-003.png", "samples/epoch-{epoch}.png", 3)]
    [InlineData("samples/epoch-012-codes.png", "samples/epoch-{epoch}-codes.png", 12)]
    [InlineData("traversal_c1_epoch_7.png", "traversal_c1_epoch_{epoch}.png", 7)]
    [InlineData("cmp_class_3_epoch_20.png", "cmp_class_3_epoch_{epoch}.png", 20)]
    [InlineData("cmp_class_3_init.png", "cmp_class_3_init.png", -1)]
    [InlineData("columns/01-age.png", "columns/01-age.png", -1)]
    public void Png_names_group_by_their_epoch_number(string file, string pattern, int epoch)
    {
        Assert.Equal((pattern, epoch), FolderImages.EpochKey(file));
    }

    [Theory]
    [InlineData("checkpoints/x.png", true)]
    [InlineData("tb/x.png", true)]
    [InlineData("shard-0-of-2/synthetic_smote.png", true)]
    [InlineData("shard-0-of-2.png", false)]
    [InlineData("samples/epoch-001.png", false)]
    [InlineData("columns/01-age.png", false)]
    public void Checkpoints_tensorboard_and_shard_folders_are_left_out(string relative, bool skipped) =>
        Assert.Equal(skipped, FolderImages.IsSkipped(relative));

    [Fact]
    public void Known_outputs_get_captions_and_unknown_ones_their_path()
    {
        Assert.StartsWith("BAGAN class comparison: ", FolderImages.Describe("cmp_class_3_epoch_{epoch}.png"));
        Assert.StartsWith("latent plot: ", FolderImages.Describe("samples/epoch-{epoch}-codes.png"));
        Assert.Equal("mine.png", FolderImages.Describe("mine.png"));
    }

    [Fact]
    public void The_real_grid_takes_images_in_turn_from_each_class_and_groups_them()
    {
        // 3 classes of 1x1 images whose pixel is its index; class 2 has one image only.
        int[] labels = [0, 1, 0, 1, 2, 0, 1, 0, 1];
        var pixels = Enumerable.Range(0, labels.Length).Select(i => (byte)(10 * i)).ToArray();
        var data = new ImageDataset(pixels, labels, 1, 1, 1, ["a", "b", "c"]);
        var grid = RealImageGrid.Compose(data, 6, invert: false);
        // Round robin: 0 (a), 1 (b), 4 (c), 2 (a), 3 (b), then c is empty: 5 (a); grouped: a 0,2,5 b 1,3 c 4; rows of 3.
        Assert.Equal((3 * 1 + 4 * 2, 2 * 1 + 3 * 2), (grid.Width, grid.Height));
        byte[] expected = [0, 20, 50, 10, 30, 40];
        for (var k = 0; k < 6; k++) Assert.Equal(expected[k], grid[2 + k % 3 * 3, 2 + k / 3 * 3]);
        var inverted = RealImageGrid.Compose(data, 6, invert: true);
        Assert.Equal(255 - 50, inverted[2 + 2 * 3, 2]);
        Assert.Equal(255, inverted[0, 0]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 10)]
    [InlineData(101, 11)]
    [InlineData(8, 3)]
    public void Grid_rows_hold_ceil_sqrt_count_images(int count, int columns) => Assert.Equal(columns, RealImageGrid.Columns(count));
}
