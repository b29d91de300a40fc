using GanAugment.Gans.Training;

namespace GanAugment.Cli.Tests;

/// <summary>
/// Issue 14, points 4 and 12: the folders that sample and augment write are read back wherever a
/// data set is named (train --data, data info, augment --data), and data info describes what it
/// read from a folder, a table or series.
/// </summary>
public sealed class ImageFolderCommandTests
{
    private static string TinyCgan(CliHarness cli, string data, string run) =>
        cli.Run("train", "cgan", "--data", data, "--epochs", "1", "--max-steps", "1", "--batch-size", "4", "--stats-samples", "0", "--option", "width=8", "--out", run) is { ExitCode: 0 }
            ? run : throw new InvalidOperationException($"training on {data} failed");

    [Fact]
    public void A_sampled_folder_reads_back_in_data_info_train_and_augment()
    {
        using var cli = new CliHarness();
        var run = TinyCgan(cli, "mnist-small", cli.PathOf("run"));
        var pngs = cli.PathOf("pngs");
        Assert.Equal(0, cli.Run("sample", run, "--count", "20", "--out", pngs).ExitCode);

        var info = cli.Run("data", "info", pngs);
        Assert.True(info.ExitCode == 0, info.ToString());
        Assert.Contains($"image folder {pngs}: class sub-folders, no test part", info.Out);
        Assert.Contains("shape: 1x28x28 (channels x height x width), 10 classes", info.Out);
        Assert.Contains("images: 20 train, 0 test", info.Out);
        Assert.Matches(@"pixel values \(train\): \d+ to \d+, mean \d+\.\d", info.Out);
        Assert.DoesNotContain("MNIST", info.Out);
        AugmentRows.AssertRow(info.Out, "3", "3", "2", "0"); // class 3 is named "3", not "03-3"

        var again = cli.PathOf("again");
        var train = cli.Run("train", "dcgan", "--data", pngs, "--epochs", "1", "--max-steps", "1", "--batch-size", "4", "--stats-samples", "0", "--option", "width=8", "--out", again);
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Equal($"folder@{pngs}", new RunDirectory(again).ReadManifest().Data);

        // augment --format folder writes train/<NN-class>/ that is again a data set.
        var augmented = cli.PathOf("augmented");
        var augment = cli.Run("augment", run, "--data", pngs, "--classes", "3", "--up-to", "5", "--format", "folder", "--out", augmented);
        Assert.True(augment.ExitCode == 0, augment.ToString());
        AugmentRows.AssertRow(augment.Out, "3", "3", "2", "3", "5");
        Assert.True(Directory.Exists(Path.Combine(augmented, "train", "03-3")));
        var infoAugmented = cli.Run("data", "info", augmented);
        Assert.True(infoAugmented.ExitCode == 0, infoAugmented.ToString());
        Assert.Contains("a train/ part of class sub-folders, no test/ part", infoAugmented.Out);
        Assert.Contains("images: 23 train, 0 test", infoAugmented.Out);
        AugmentRows.AssertRow(infoAugmented.Out, "3", "3", "5", "0");
        TinyCgan(cli, augmented, cli.PathOf("from-augmented"));
    }

    [Fact]
    public void A_folder_of_named_classes_with_a_test_part_is_described_and_trained_on()
    {
        using var cli = new CliHarness();
        var pets = NamedClassFolder.Write(cli.PathOf("pets"), withTest: true);
        var info = cli.Run("data", "info", pets);
        Assert.True(info.ExitCode == 0, info.ToString());
        Assert.Contains($"image folder {pets}: train/ and test/ parts of class sub-folders", info.Out);
        Assert.Contains("images: 12 train, 4 test", info.Out);
        AugmentRows.AssertRow(info.Out, "0", "cat", "8", "2");
        AugmentRows.AssertRow(info.Out, "1", "dog", "4", "2");
        TinyCgan(cli, pets, cli.PathOf("run"));

        // A folder without a test part cannot score a classifier: evaluate says so in one line.
        var flat = NamedClassFolder.Write(cli.PathOf("flat"));
        var evaluate = cli.Run("evaluate", "imbalance", "--data", flat, "--target-class", "dog", "--out", cli.PathOf("e"));
        Assert.Equal(2, evaluate.ExitCode);
        Assert.Contains("has no test images to score a classifier on", Assert.Single(evaluate.ErrorLines));
    }

    [Fact]
    public void A_folder_that_is_not_a_data_set_is_one_error_naming_it()
    {
        using var cli = new CliHarness();
        var empty = cli.PathOf("empty");
        Directory.CreateDirectory(empty);
        var result = cli.Run("data", "info", empty);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"ganaug: error: {empty}: image folder holds no class sub-folders", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Data_info_on_a_csv_describes_its_columns_ranges_and_classes()
    {
        using var cli = new CliHarness();
        var csv = cli.PathOf("pets.csv");
        File.WriteAllText(csv, "weight,colour,kind\n4.5,black,cat\n30,brown,dog\n3.5,black,cat\n");
        var result = cli.Run("data", "info", csv, "--target", "kind");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"table {csv}: 3 rows, 3 columns, class column 'kind'", result.Out);
        AugmentRows.AssertRow(result.Out, "weight", "numeric", "3.5 to 30, mean 12.6667", "0");
        Assert.Matches(@"│\s*colour\s*│\s*categorical\s*│\s*2 categories: (black, brown|brown, black)\s*│", result.Out);
        AugmentRows.AssertRow(result.Out, "0", "cat", "2");
        AugmentRows.AssertRow(result.Out, "1", "dog", "1");
        Assert.DoesNotContain("MNIST", result.Out);
    }

    [Fact]
    public void Data_info_on_series_gives_length_features_ranges_and_classes()
    {
        using var cli = new CliHarness();
        var result = cli.Run("data", "info", "waves");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("series waves: 2000 series of 30 steps, 1 features", result.Out);
        Assert.Contains("2 classes", result.Out);
        Assert.Contains("sawtooth", result.Out);
    }
}
