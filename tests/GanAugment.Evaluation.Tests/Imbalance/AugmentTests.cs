using GanAugment.Data;
using GanAugment.Data.Idx;
using GanAugment.Data.Images;
using GanAugment.Evaluation.Augmentation;
using GanAugment.Evaluation.Imbalance;
using GanAugment.Gans.Models;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Tests.Imbalance;

public class AugmentTests
{
    [Fact]
    public void Plans_balance_count_ratio_and_chosen_classes_by_hand()
    {
        int[] counts = [100, 10, 50];
        Assert.Equal([0, 90, 50], new AugmentTarget().Plan(counts));
        Assert.Equal([0, 50, 10], new AugmentTarget { Mode = AugmentMode.Count, Count = 60 }.Plan(counts));
        Assert.Equal([0, 40, 0], new AugmentTarget { Mode = AugmentMode.Ratio, Ratio = 0.5 }.Plan(counts));
        Assert.Equal([0, 90, 0], new AugmentTarget { Classes = [1] }.Plan(counts));
        Assert.Throws<ArgumentException>(() => new AugmentTarget { Mode = AugmentMode.Count, Count = 0 }.Plan(counts));
        Assert.Contains("class 5", Assert.Throws<ArgumentException>(() => new AugmentTarget { Classes = [5] }.Plan(counts)).Message);
    }

    [Fact]
    public void Bagan_balances_a_set_and_the_idx_output_reloads_with_a_manifest()
    {
        var split = ImbalanceTestData.Digits(train: 12, test: 3);
        var imbalanced = split.Train.Subset([.. Enumerable.Range(0, split.Train.Count).Where(i => split.Train.Labels[i] != 0 || i % 4 == 0)]);
        var bagan = TinyBagan(imbalanced);
        var extra = new AugmentTarget().Plan(imbalanced.ClassCounts());
        var augmented = Augmenter.Augment(imbalanced, extra, new GanSource(bagan, "bagan (test)"), new Rng(4));

        Assert.All(augmented.Data.ClassCounts(), n => Assert.Equal(12, n));
        Assert.Equal(extra.Sum(), augmented.Synthetic.Count(s => s));
        Assert.Equal(imbalanced.Pixels, augmented.Data.Pixels.AsSpan(0, imbalanced.Pixels.Length).ToArray());

        using var temp = new TempDir();
        var written = AugmentedDatasetWriter.Write(augmented, split.Test, temp.File("out"), AugmentFormat.Idx, [temp.File("input")], overwrite: false);
        var reloaded = IdxDataset.Load(Path.Combine(written, "train-images-idx3-ubyte"), Path.Combine(written, "train-labels-idx1-ubyte"), imbalanced.ClassNames);
        Assert.Equal(augmented.Data.Pixels, reloaded.Pixels);
        Assert.True(File.Exists(Path.Combine(written, "t10k-images-idx3-ubyte")));
        var rows = File.ReadAllLines(Path.Combine(written, AugmentedDatasetWriter.ManifestCsv));
        Assert.Equal("index,file,label,class,synthetic,source", rows[0]);
        Assert.Equal(augmented.Data.Count, rows.Length - 1);
        Assert.EndsWith(",1,bagan (test)", rows[^1]);
        Assert.EndsWith(",0,real", rows[1]);
        Assert.Contains("\"synthetic_images\": " + extra.Sum(), File.ReadAllText(Path.Combine(written, AugmentedDatasetWriter.ManifestJson)));
    }

    [Fact]
    public void Image_folder_output_keeps_the_class_order_and_marks_synthetic_files()
    {
        var data = ImbalanceTestData.Digits(train: 3, test: 1).Train;
        var augmented = Augmenter.Augment(data, [2, 0, 0, 0, 0, 0, 0, 0, 0, 1], new ConstantSource(data.ImageSize, 200), new Rng(1));
        using var temp = new TempDir();
        var written = AugmentedDatasetWriter.Write(augmented, null, temp.File("out"), AugmentFormat.ImageFolder, [], overwrite: false);
        var reloaded = ImageFolderReader.Read(Path.Combine(written, "train"), null, ImageColor.Grey);
        Assert.Equal(data.ClassCount, reloaded.ClassCount);
        Assert.Equal([5, 3, 3, 3, 3, 3, 3, 3, 3, 4], reloaded.ClassCounts());
        Assert.Equal(3, Directory.GetFiles(Path.Combine(written, "train"), "synthetic_*.png", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Refuses_to_write_over_or_inside_the_input_and_over_an_existing_output()
    {
        var data = ImbalanceTestData.Digits(train: 2, test: 1).Train;
        var augmented = Augmenter.Augment(data, new int[10], new ConstantSource(data.ImageSize, 0), new Rng(1));
        using var temp = new TempDir();
        var input = temp.File("input");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "train-images-idx3-ubyte"), "original");
        foreach (var output in new[] { input, Path.Combine(input, "augmented"), temp.Path })
        {
            var error = Assert.Throws<DataFormatException>(() => AugmentedDatasetWriter.Write(augmented, null, output, AugmentFormat.Idx, [input], overwrite: true));
            Assert.Contains("refusing to write over the input", error.Message);
        }
        Assert.Equal("original", File.ReadAllText(Path.Combine(input, "train-images-idx3-ubyte")));

        var first = AugmentedDatasetWriter.Write(augmented, null, temp.File("out"), AugmentFormat.Idx, [input], overwrite: false);
        Assert.Contains("already exists", Assert.Throws<DataFormatException>(() => AugmentedDatasetWriter.Write(augmented, null, first, AugmentFormat.Idx, [input], overwrite: false)).Message);
        AugmentedDatasetWriter.Write(augmented, null, first, AugmentFormat.Idx, [input], overwrite: true);
        Assert.Empty(Directory.GetDirectories(temp.Path, "out.tmp-*"));
    }

    [Fact]
    public void Unconditional_models_are_refused_for_augmentation()
    {
        var data = ImbalanceTestData.Digits(train: 2, test: 1).Train;
        var dcgan = Gans.GanZoo.Find("dcgan");
        var model = dcgan.Create(new Gans.ImageSpec(1, 28, 28, data.ClassNames), [], new Rng(1));
        Assert.Contains("unconditional", Assert.Throws<ArgumentException>(() => new GanSource(model, "dcgan")).Message);
    }

    [Fact]
    public void Mirror_copies_are_flips_of_real_images_and_smote_stays_between_them()
    {
        var data = ImbalanceTestData.Digits(train: 5, test: 1).Train;
        var size = data.ImageSize;
        var reals = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == 3).Select(i => data.Image(i).ToArray()).ToList();
        var mirrored = new MirrorSource(data, maxShift: 0).Generate(3, 20, new Rng(2));
        for (var k = 0; k < 20; k++)
        {
            var image = mirrored.AsSpan(k * size, size).ToArray();
            Assert.Contains(reals, r => r.SequenceEqual(image) || r.SequenceEqual(Flip(image, 28)));
        }
        var smote = new SmoteSource(data).Generate(3, 20, new Rng(2));
        for (var p = 0; p < size; p++)
        {
            var (low, high) = (reals.Min(r => r[p]), reals.Max(r => r[p]));
            for (var k = 0; k < 20; k++) Assert.InRange(smote[k * size + p], low, high);
        }
    }

    internal static Bagan TinyBagan(ImageDataset data)
    {
        var options = new BaganOptions { LatentDim = 8, Width = 8, DenseWidth = 32, EncoderWidth = 4, Adam = new(LearningRate: 1e-3) };
        var model = new Bagan(new Gans.ImageSpec(data.Channels, data.Height, data.Width, data.ClassNames), options, new Rng(3));
        new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 16, MaxStepsPerEpoch = 2, Seed = 3 }, null).Run();
        return model;
    }

    private static byte[] Flip(byte[] image, int width)
    {
        var flipped = new byte[image.Length];
        for (var i = 0; i < image.Length; i++) flipped[i] = image[i / width * width + (width - 1 - i % width)];
        return flipped;
    }

    /// <summary>Images of one grey value.</summary>
    private sealed class ConstantSource(int size, byte value) : ISyntheticSource
    {
        public string Description => "constant";

        public byte[] Generate(int label, int count, Rng rng) => Enumerable.Repeat(value, count * size).ToArray();
    }
}
