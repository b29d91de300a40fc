using GanAugment.Data.Images;

namespace GanAugment.Data.Tests.Images;

public class GtsrbReaderTests
{
    private const string Header = "Filename;Width;Height;Roi.X1;Roi.Y1;Roi.X2;Roi.Y2;ClassId";

    private static byte Value(int x, int y, int c, int seed) => (byte)(seed * 50 + x * 20 + y * 7 + c * 3);

    /// <summary>A raw PPM whose pixel (x, y) channel c is <see cref="Value"/>.</summary>
    private static byte[] Ppm(int w, int h, int seed) =>
        [.. System.Text.Encoding.ASCII.GetBytes($"P6\n{w} {h}\n255\n"),
         .. Enumerable.Range(0, w * h * 3).Select(i => Value(i / 3 % w, i / 3 / w, i % 3, seed))];

    /// <summary>Two training classes (00000 with two signs, 00002 with one) and a two-image test set.</summary>
    private static TempDir Gtsrb(bool withTest = true)
    {
        var dir = new TempDir();
        const string train = "Final_Training/Images";
        dir.Write($"{train}/00000/00000_00000.ppm", Ppm(5, 5, 1));
        dir.Write($"{train}/00000/00000_00001.ppm", Ppm(6, 7, 2));
        dir.Write($"{train}/00000/GT-00000.csv", $"{Header}\n00000_00000.ppm;5;5;1;1;3;3;0\n00000_00001.ppm;6;7;0;0;5;6;0\n");
        dir.Write($"{train}/00002/00002_00000.ppm", Ppm(4, 4, 3));
        dir.Write($"{train}/00002/GT-00002.csv", $"{Header}\r\n00002_00000.ppm;4;4;1;0;3;2;2\r\n");
        if (withTest)
        {
            dir.Write("Final_Test/Images/00000.ppm", Ppm(5, 5, 4));
            dir.Write("Final_Test/Images/00001.ppm", Ppm(5, 5, 0));
            dir.Write("Final_Test/Images/GT-final_test.csv", $"{Header}\n00000.ppm;5;5;1;1;3;3;2\n00001.ppm;5;5;0;0;4;4;0\n");
        }
        return dir;
    }

    [Fact]
    public void Reads_training_classes_and_the_test_set()
    {
        using var dir = Gtsrb();
        var split = GtsrbReader.Read(dir.Path, 3);
        Assert.Equal(["00000", "00002"], split.Train.ClassNames);
        Assert.Equal([0, 0, 1], split.Train.Labels);
        Assert.Equal([1, 0], split.Test.Labels);
        Assert.Equal((3, 3, 3), (split.Train.Channels, split.Train.Height, split.Train.Width));
    }

    [Fact]
    public void Region_corners_are_inclusive()
    {
        using var dir = Gtsrb();
        var split = GtsrbReader.Read(dir.Path, 3);
        // The first sign's region (1,1)-(3,3) is 3x3, so at size 3 the crop is not resampled.
        var image = split.Train.Image(0);
        for (var c = 0; c < 3; c++)
            for (var y = 0; y < 3; y++)
                for (var x = 0; x < 3; x++)
                    Assert.Equal(Value(x + 1, y + 1, c, 1), image[c * 9 + y * 3 + x]);
    }

    [Fact]
    public void Without_test_ground_truth_the_test_set_is_empty()
    {
        using var dir = Gtsrb(withTest: false);
        var split = GtsrbReader.Read(dir.Path, 8);
        Assert.Equal(0, split.Test.Count);
        Assert.Equal(split.Train.ClassNames, split.Test.ClassNames);
    }

    private static string ErrorOf(TempDir dir) => Assert.Throws<DataFormatException>(() => GtsrbReader.Read(dir.Path, 4)).Message;

    private static string Csv(TempDir dir, string relative) => Path.Combine(dir.Path, relative);

    [Fact]
    public void Missing_training_folder()
    {
        using var dir = new TempDir();
        Assert.EndsWith("GTSRB training folder does not exist", ErrorOf(dir));
    }

    [Fact]
    public void Missing_annotation_file_is_named()
    {
        using var dir = Gtsrb();
        File.Delete(Csv(dir, "Final_Training/Images/00002/GT-00002.csv"));
        Assert.Equal($"{Csv(dir, "Final_Training/Images/00002/GT-00002.csv")}: annotation file is missing", ErrorOf(dir));
    }

    [Theory]
    [InlineData("00000_00000.ppm;5;5;1;1;3\n", "6 fields, the header has 8")]
    [InlineData("00000_00000.ppm;5;5;1;1;5;3;0\n", "region (1,1)-(5,3) is not inside the 5x5 image")]
    [InlineData("00000_00000.ppm;5;5;3;1;1;3;0\n", "region (3,1)-(1,3) is not inside the 5x5 image")]
    [InlineData("00000_00000.ppm;5;x;1;1;3;3;0\n", "Height 'x' is not a non-negative integer")]
    [InlineData("00000_00000.ppm;6;5;1;1;3;3;0\n", "00000_00000.ppm is 5x5, the annotation says 6x5")]
    [InlineData("00000_00000.ppm;5;5;1;1;3;3;2\n", "ClassId 2 in the folder of class 00000")]
    [InlineData("../00002/00002_00000.ppm;4;4;0;0;1;1;0\n", "file name '../00002/00002_00000.ppm' is not a plain file name")]
    [InlineData("missing.ppm;4;4;0;0;1;1;0\n", "image missing.ppm does not exist")]
    public void Bad_training_line_names_file_and_line(string line, string expected)
    {
        using var dir = Gtsrb();
        var csv = dir.Write("Final_Training/Images/00000/GT-00000.csv", $"{Header}\n{line}");
        Assert.Equal($"{csv}:2: {expected}", ErrorOf(dir));
    }

    [Fact]
    public void Header_without_required_columns()
    {
        using var dir = Gtsrb();
        var csv = dir.Write("Final_Training/Images/00000/GT-00000.csv", "Filename;Width;Height\nx.ppm;1;1\n");
        Assert.Equal($"{csv}:1: header lacks column(s) Roi.X1, Roi.Y1, Roi.X2, Roi.Y2", ErrorOf(dir));
    }

    [Fact]
    public void Test_class_without_training_folder()
    {
        using var dir = Gtsrb();
        var csv = dir.Write("Final_Test/Images/GT-final_test.csv", $"{Header}\n00000.ppm;5;5;1;1;3;3;7\n");
        Assert.Equal($"{csv}:2: ClassId 7 has no training folder", ErrorOf(dir));
    }

    [Fact]
    public void Test_ground_truth_without_class_column()
    {
        using var dir = Gtsrb();
        var csv = dir.Write("Final_Test/Images/GT-final_test.csv", "Filename;Width;Height;Roi.X1;Roi.Y1;Roi.X2;Roi.Y2\n00000.ppm;5;5;1;1;3;3\n");
        Assert.Equal($"{csv}:1: header lacks column ClassId", ErrorOf(dir));
    }

    [Fact]
    public void Class_folder_that_is_not_a_number()
    {
        using var dir = Gtsrb();
        dir.Write("Final_Training/Images/stop/GT-stop.csv", Header);
        Assert.EndsWith("class folder name is not a class number", ErrorOf(dir));
    }
}
