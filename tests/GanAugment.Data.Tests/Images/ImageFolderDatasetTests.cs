using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Tests.Images;

public class ImageFolderDatasetTests
{
    private static byte[] Png(byte value) => PngEncoder.Encode(new RawImage(2, 2, 1, [value, value, value, value]));

    [Theory]
    [InlineData(0, "T-shirt/top", 10, "00-T-shirt_top")]
    [InlineData(7, "Sneaker", 10, "07-Sneaker")]
    [InlineData(5, "5", 100, "05-5")]
    [InlineData(5, "a b", 101, "005-a_b")]
    public void Class_folders_are_the_index_padded_for_name_order_a_dash_and_a_safe_name(int label, string name, int classes, string folder) =>
        Assert.Equal(folder, ImageFolderDataset.ClassFolder(label, name, classes));

    [Fact]
    public void Numbered_class_folders_give_their_names_other_folders_are_names_themselves()
    {
        Assert.Equal(["cat", "dog"], ImageFolderDataset.ClassNames(["00-cat", "01-dog"]));
        Assert.Equal(["T-shirt_top"], ImageFolderDataset.ClassNames(["00-T-shirt_top"]));
        Assert.Equal(["cat", "dog"], ImageFolderDataset.ClassNames(["cat", "dog"]));
        Assert.Equal(["01-a", "02-b"], ImageFolderDataset.ClassNames(["01-a", "02-b"])); // not numbered from 0
    }

    [Fact]
    public void A_flat_folder_is_the_training_part_with_an_empty_test_part()
    {
        using var dir = new TempDir();
        dir.Write("00-zero/a.png", Png(1));
        dir.Write("01-one/a.png", Png(2));
        dir.Write("01-one/b.png", Png(3));
        var split = ImageFolderDataset.Read(dir.Path);
        Assert.Equal(["zero", "one"], split.Train.ClassNames);
        Assert.Equal([1, 2], split.Train.ClassCounts());
        Assert.Equal(0, split.Test.Count);
        Assert.Equal(split.Train.ClassNames, split.Test.ClassNames);
    }

    [Fact]
    public void A_split_folder_reads_train_and_test_and_checks_their_classes_agree()
    {
        using var dir = new TempDir();
        dir.Write("train/00-zero/a.png", Png(1));
        dir.Write("train/01-one/a.png", Png(2));
        dir.Write("test/00-zero/a.png", Png(4));
        dir.Write("test/01-one/a.png", Png(5));
        var split = ImageFolderDataset.Read(dir.Path);
        Assert.Equal((2, 2), (split.Train.Count, split.Test.Count));
        Assert.Equal(5, split.Test.Pixels[^1]);

        dir.Write("test/02-two/a.png", Png(6));
        var e = Assert.Throws<DataFormatException>(() => ImageFolderDataset.Read(dir.Path));
        Assert.Contains("test classes (zero, one, two) differ from the train classes (zero, one)", e.Message);
    }

    [Fact]
    public void A_missing_folder_is_a_data_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "ganaug-no-such-folder-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<DataFormatException>(() => ImageFolderDataset.Read(path));
        Assert.Equal($"{path}: image folder does not exist", e.Message);
    }
}
