using System.Text.Json;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Idx;

namespace GanAugment.Cli.Tests;

/// <summary>Issue 14, point 7: a class is named as the data set spells it, or by its index, everywhere.</summary>
public sealed class ClassNameTests
{
    private static readonly string[] Fashion = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    [Theory]
    [InlineData("Sneaker", 7)]
    [InlineData("sneaker", 7)]
    [InlineData("ankle boot", 9)]
    [InlineData("T-shirt/top", 0)]
    [InlineData("7", 7)]
    public void A_class_is_its_name_in_any_case_or_its_index(string text, int expected) =>
        Assert.Equal(expected, ClassArgument.Resolve(text, Fashion, "--class"));

    [Fact]
    public void A_name_wins_over_an_index()
    {
        Assert.Equal(1, ClassArgument.Resolve("0", ["1", "0"], "--class"));
        Assert.Equal([2, 0], ClassArgument.ResolveList("sandal, 0, Sandal", ["a", "b", "sandal"], "--classes"));
    }

    [Fact]
    public void Neither_name_nor_index_is_an_error_listing_the_classes()
    {
        var e = Assert.Throws<UsageException>(() => ClassArgument.Resolve("Snaker", Fashion, "--class"));
        Assert.Equal("--class: 'Snaker' is not a class of this data set; give a name or an index: 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker, 8 Bag, 9 Ankle boot", e.Message);
        Assert.Throws<UsageException>(() => ClassArgument.Resolve("10", Fashion, "--class"));
    }

    [Fact]
    public void Sample_augment_train_and_evaluate_imbalance_take_class_names()
    {
        using var cli = new CliHarness();
        var pets = NamedClassFolder.Write(cli.PathOf("pets"), withTest: true);
        var run = cli.PathOf("run");
        var train = cli.Run("train", "cgan", "--data", pets, "--target-class", "Dog", "--unbalance", "0.5", "--epochs", "1", "--max-steps", "1", "--batch-size", "4",
            "--stats-samples", "0", "--option", "width=8", "--out", run);
        Assert.True(train.ExitCode == 0, train.ToString());
        using (var imbalance = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "imbalance.json"))))
            Assert.Equal(1, Assert.Single(imbalance.RootElement.GetProperty("TargetClasses").EnumerateArray()).GetInt32());

        var sample = cli.Run("sample", run, "--class", "dog", "--count", "3", "--out", cli.PathOf("dogs.idx"));
        Assert.True(sample.ExitCode == 0, sample.ToString());
        Assert.Contains("of class 1 (dog)", sample.Out);
        Assert.Equal([1, 1, 1], IdxReader.ReadLabels(cli.PathOf("dogs-labels-idx1-ubyte.gz")).Select(b => (int)b));

        var bird = cli.Run("sample", run, "--class", "bird", "--out", cli.PathOf("birds.idx"));
        Assert.Equal(2, bird.ExitCode);
        Assert.Equal("ganaug: error: --class: 'bird' is not a class of this data set; give a name or an index: 0 cat, 1 dog", Assert.Single(bird.ErrorLines));

        // The run's set as trained: 8 cats, 4 dogs cut to 2; --classes dog brings the dogs up to the cats.
        var augment = cli.Run("augment", run, "--classes", "DOG", "--out", cli.PathOf("augmented"));
        Assert.True(augment.ExitCode == 0, augment.ToString());
        AugmentRows.AssertRow(augment.Out, "1", "dog", "2", "6", "8");

        var evaluate = cli.Run("evaluate", "imbalance", "--data", pets, "--target-class", "cat", "--methods", "plain", "--seeds", "1", "--classifier-epochs", "1",
            "--classifier-max-steps", "1", "--classifier-width", "4", "--out", cli.PathOf("imbalance"));
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Contains("0 (cat)", evaluate.Out + evaluate.Error);
        var wrong = cli.Run("evaluate", "imbalance", "--data", pets, "--target-class", "cow", "--out", cli.PathOf("imbalance2"));
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--target-class: 'cow' is not a class of this data set; give a name or an index: 0 cat, 1 dog", wrong.Error);
    }

    [Fact]
    public void Target_class_all_trains_one_run_per_class_each_cutting_its_own_class()
    {
        using var cli = new CliHarness();
        var pets = NamedClassFolder.Write(cli.PathOf("pets"));
        var runs = cli.PathOf("runs");
        var train = cli.Run("train", "cgan", "--data", pets, "--target-class", "all", "--unbalance", "0.5", "--epochs", "1", "--max-steps", "1", "--batch-size", "4",
            "--stats-samples", "0", "--option", "width=8", "--out", runs);
        Assert.True(train.ExitCode == 0, train.ToString());
        for (var c = 0; c < 2; c++)
        {
            using var imbalance = JsonDocument.Parse(File.ReadAllText(Path.Combine(runs, $"class_{c}", "imbalance.json")));
            Assert.Equal(c, Assert.Single(imbalance.RootElement.GetProperty("TargetClasses").EnumerateArray()).GetInt32());
        }
    }
}
