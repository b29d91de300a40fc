using GanAugment.Data.Idx;
using GanAugment.Data.Images;

namespace GanAugment.Cli.Tests;

[Collection(TrainedRunCollection.Name)]
public sealed class SampleTests(TrainedRun trained)
{
    private CliHarness Cli => trained.Harness;

    [Fact]
    public void Sample_writes_one_grid()
    {
        var grid = Cli.PathOf("sample/grid.png");
        var result = Cli.Run("sample", trained.RunDir, "--count", "20", "--out", grid);
        Assert.True(result.ExitCode == 0, result.ToString());
        var image = ImageFile.Read(grid);
        // 20 samples cycling through 10 classes: 10 columns (one per class) of 2 rows of 28x28 images with gaps.
        Assert.True(image.Width > 10 * 28 && image.Width < 11 * 28, $"width {image.Width}");
        Assert.True(image.Height > 2 * 28 && image.Height < 3 * 28, $"height {image.Height}");
    }

    [Fact]
    public void Sample_writes_an_idx_pair_of_the_asked_class()
    {
        var result = Cli.Run("sample", trained.RunDir, "--class", "3", "--count", "5", "--out", Cli.PathOf("idx/threes.idx"));
        Assert.True(result.ExitCode == 0, result.ToString());
        var images = IdxReader.ReadImages(Cli.PathOf("idx/threes-images-idx3-ubyte.gz"));
        Assert.Equal((5, 28, 28), (images.Count, images.Height, images.Width));
        Assert.Equal([3, 3, 3, 3, 3], IdxReader.ReadLabels(Cli.PathOf("idx/threes-labels-idx1-ubyte.gz")).Select(b => (int)b));
    }

    [Fact]
    public void Sample_writes_a_png_folder_per_class_that_reads_back_as_a_data_set()
    {
        var folder = Cli.PathOf("pngs");
        var result = Cli.Run("sample", trained.RunDir, "--count", "20", "--out", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        var data = ImageFolderReader.Read(folder, size: null, ImageColor.Grey);
        Assert.Equal(20, data.Count);
        Assert.Equal(Enumerable.Repeat(2, 10), data.ClassCounts());
        Assert.Equal("03-3", data.ClassNames[3]);
    }

    [Fact]
    public void Same_seed_same_samples_other_seed_other_samples()
    {
        byte[] Sample(string name, string seed)
        {
            var result = Cli.Run("sample", trained.RunDir, "--count", "4", "--seed", seed, "--out", Cli.PathOf($"seeds/{name}.idx"));
            Assert.True(result.ExitCode == 0, result.ToString());
            return IdxReader.ReadImages(Cli.PathOf($"seeds/{name}-images-idx3-ubyte.gz")).Pixels;
        }
        var a = Sample("a", "5");
        Assert.Equal(a, Sample("b", "5"));
        Assert.NotEqual(a, Sample("c", "6"));
    }

    [Fact]
    public void Sample_from_an_explicit_checkpoint()
    {
        var checkpoint = Path.Combine(trained.RunDir, "checkpoints", "epoch-0002.safetensors");
        var result = Cli.Run("sample", trained.RunDir, "--count", "2", "--checkpoint", checkpoint, "--out", Cli.PathOf("first/x.idx"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Cli.PathOf("first/x-images-idx3-ubyte.gz")));
    }
}

[Collection(TrainedRunCollection.Name)]
public sealed class SampleOutTests(TrainedRun trained)
{
    private CliHarness Cli => trained.Harness;

    [Fact]
    public void An_unknown_extension_is_an_error_listing_the_formats_not_a_folder()
    {
        var result = Cli.Run("sample", trained.RunDir, "--count", "2", "--out", Cli.PathOf("g.jpg"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out: '.jpg' is not a format sample writes", result.Error);
        Assert.False(Directory.Exists(Cli.PathOf("g.jpg")));
    }

    [Fact]
    public void A_folder_with_files_is_refused_unless_overwrite_empties_it()
    {
        var folder = Cli.PathOf("stale");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "old.png"), "stale");
        var refused = Cli.Run("sample", trained.RunDir, "--count", "3", "--out", folder);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--overwrite", refused.Error);
        var written = Cli.Run("sample", trained.RunDir, "--count", "3", "--out", folder, "--overwrite");
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.False(File.Exists(Path.Combine(folder, "old.png")));
        Assert.Equal(3, Directory.GetFiles(folder, "*.png", SearchOption.AllDirectories).Length);
    }
}
