using GanAugment.Data.Images;

namespace GanAugment.Data.Tests.Images;

public class Cifar10ReaderTests
{
    /// <summary>A batch of records whose label is labels[i] and whose pixel j is (i·7 + j) mod 256.</summary>
    private static byte[] Batch(params byte[] labels)
    {
        var bytes = new byte[labels.Length * Cifar10Reader.RecordBytes];
        for (var i = 0; i < labels.Length; i++)
        {
            var record = bytes.AsSpan(i * Cifar10Reader.RecordBytes, Cifar10Reader.RecordBytes);
            record[0] = labels[i];
            for (var j = 0; j < Cifar10Reader.ImageBytes; j++) record[1 + j] = (byte)(i * 7 + j);
        }
        return bytes;
    }

    private static TempDir Cifar(bool withMeta = true)
    {
        var dir = new TempDir();
        for (var b = 1; b <= 5; b++) dir.Write($"data_batch_{b}.bin", Batch((byte)b, (byte)(b + 1)));
        dir.Write("test_batch.bin", Batch(9, 0, 3));
        if (withMeta) dir.Write("batches.meta.txt", "plane\ncar\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n");
        return dir;
    }

    [Fact]
    public void Reads_train_and_test_batches_in_order()
    {
        using var dir = Cifar();
        var split = Cifar10Reader.Read(dir.Path);
        Assert.Equal(10, split.Train.Count);
        Assert.Equal([1, 2, 2, 3, 3, 4, 4, 5, 5, 6], split.Train.Labels);
        Assert.Equal([9, 0, 3], split.Test.Labels);
        Assert.Equal((3, 32, 32), (split.Test.Channels, split.Test.Height, split.Test.Width));
        Assert.Equal("plane", split.Train.ClassNames[0]);
        Assert.Equal(10, split.Train.ClassCount);
        // Record layout is already C·H·W: test image 1, green plane (offset 1024), row 2, column 5.
        Assert.Equal(unchecked((byte)(1 * 7 + 1024 + 2 * 32 + 5)), split.Test.Image(1)[1024 + 2 * 32 + 5]);
    }

    [Fact]
    public void Without_meta_file_the_standard_names_are_used()
    {
        using var dir = Cifar(withMeta: false);
        Assert.Equal(Cifar10Reader.StandardClassNames, Cifar10Reader.Read(dir.Path).Test.ClassNames);
    }

    [Fact]
    public void Missing_batch_is_named()
    {
        using var dir = Cifar();
        File.Delete(Path.Combine(dir.Path, "data_batch_3.bin"));
        var e = Assert.Throws<DataFormatException>(() => Cifar10Reader.Read(dir.Path));
        Assert.Equal($"{Path.Combine(dir.Path, "data_batch_3.bin")}: CIFAR-10 batch file is missing", e.Message);
    }

    [Fact]
    public void Truncated_batch_names_the_offset_of_the_partial_record()
    {
        using var dir = Cifar();
        var path = dir.Write("test_batch.bin", Batch(1, 2)[..^100]);
        var e = Assert.Throws<DataFormatException>(() => Cifar10Reader.Read(dir.Path));
        Assert.StartsWith($"{path} (byte 3073): length 6046 is not a multiple", e.Message);
    }

    [Fact]
    public void Label_out_of_range_names_the_record_offset()
    {
        using var dir = Cifar();
        var path = dir.Write("data_batch_2.bin", Batch(1, 10));
        var e = Assert.Throws<DataFormatException>(() => Cifar10Reader.Read(dir.Path));
        Assert.Equal($"{path} (byte 3073): label 10 is not below the 10 classes", e.Message);
    }

    [Fact]
    public void Labels_are_checked_against_the_meta_file_names()
    {
        using var dir = Cifar();
        dir.Write("batches.meta.txt", "a\nb\nc\n");
        Assert.Contains("label 3 is not below the 3 classes", Assert.Throws<DataFormatException>(() => Cifar10Reader.Read(dir.Path)).Message);
    }

    [Fact]
    public void Empty_batch_and_missing_folder()
    {
        using var dir = Cifar();
        dir.Write("data_batch_1.bin", []);
        Assert.Contains("batch file is empty", Assert.Throws<DataFormatException>(() => Cifar10Reader.Read(dir.Path)).Message);
        Assert.Contains("does not exist", Assert.Throws<DataFormatException>(() => Cifar10Reader.Read(Path.Combine(dir.Path, "nope"))).Message);
    }
}
