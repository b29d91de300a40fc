using System.IO.Compression;
using GanAugment.Data.Idx;

namespace GanAugment.Data.Tests.Idx;

public class IdxBadInputTests
{
    private static readonly byte[] ValidLabels = [0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3];

    private static DataFormatException ReadBad(byte[] bytes, int rank = 1, bool gzip = false)
    {
        using var dir = new TempDir();
        var path = dir.File("bad.idx");
        File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);
        var e = Assert.Throws<DataFormatException>(() => IdxReader.Read(path, rank));
        Assert.StartsWith(path, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    internal static byte[] Gzip(byte[] raw)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest)) gz.Write(raw);
        return buffer.ToArray();
    }

    private static byte[] With(byte[] bytes, int at, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] = value;
        return copy;
    }

    [Fact]
    public void MissingFile()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(dir.File("nope")));
        Assert.Contains("file not found", e.Message);
    }

    [Fact]
    public void EmptyFile() => Assert.Contains("too short", ReadBad([]).Message);

    [Fact]
    public void BadMagic() => Assert.Contains("(byte 0): not an IDX file", ReadBad(With(ValidLabels, 1, 1)).Message);

    [Fact]
    public void UnsupportedType() => Assert.Contains("(byte 2): IDX data type 0x0d (float) is not supported", ReadBad(With(ValidLabels, 2, 0x0D)).Message);

    [Fact]
    public void WrongRank() => Assert.Contains("(byte 3): expected a 3-D IDX array, the header says 1-D", ReadBad(ValidLabels, rank: 3).Message);

    [Fact]
    public void ZeroRank() => Assert.Contains("rank 0 is out of range", ReadBad([0, 0, 8, 0], rank: 0).Message);

    [Fact]
    public void TruncatedHeader() => Assert.Contains("(byte 6): truncated IDX header", ReadBad(ValidLabels[..6]).Message);

    [Fact]
    public void ZeroImageWidth()
    {
        byte[] header = [0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0];
        Assert.Contains("(byte 12): dimension 2 has invalid size 0", ReadBad(header, rank: 3).Message);
    }

    [Fact]
    public void SizeAboveIntMax() => Assert.Contains("(byte 4): dimension 0 has invalid size 4294967295", ReadBad([0, 0, 8, 1, 255, 255, 255, 255]).Message);

    [Fact]
    public void HugeDimensionsAreRefusedBeforeAllocating()
    {
        byte[] header = [0, 0, 8, 3, 0x7f, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 1];
        Assert.Contains("exceed the largest array", ReadBad(header, rank: 3).Message);
    }

    [Fact]
    public void TruncatedData() => Assert.Contains("(byte 10): truncated: the header 3 promises 3 data bytes but only 2 follow", ReadBad(ValidLabels[..10]).Message);

    [Fact]
    public void TrailingBytes() => Assert.Contains("(byte 11): 1 unexpected bytes after the 3 data bytes", ReadBad([.. ValidLabels, 7]).Message);

    [Fact]
    public void HeaderPromisingMoreThanTheFileHolds()
    {
        byte[] header = [0, 0, 8, 1, 0x10, 0, 0, 0];
        Assert.Contains("promises 268435456 data bytes but only 0 follow", ReadBad(header).Message);
    }

    [Fact]
    public void GzipHeaderPromisingMoreThanGzipCanHold()
    {
        byte[] header = [0, 0, 8, 1, 0x10, 0, 0, 0];
        Assert.Contains("more than a gzip file of", ReadBad(header, gzip: true).Message);
    }

    [Fact]
    public void GzipTruncatedData() => Assert.Contains("(byte 10): truncated: the decompressed data ends after 2 of the 3", ReadBad(ValidLabels[..10], gzip: true).Message);

    [Fact]
    public void GzipTrailingData() => Assert.Contains("(byte 11): unexpected bytes in the decompressed data", ReadBad([.. ValidLabels, 1, 2], gzip: true).Message);

    [Fact]
    public void GzipBadMagicInside() => Assert.Contains("(byte 0): not an IDX file", ReadBad(With(ValidLabels, 0, 9), gzip: true).Message);

    [Fact]
    public void CorruptGzipStream()
    {
        var gz = Gzip(Enumerable.Repeat((byte)0, 10).Concat(ValidLabels).ToArray());
        gz[12] ^= 0xff;
        gz[13] ^= 0x55;
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("c"), gz);
        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(dir.File("c")));
        Assert.StartsWith(dir.File("c"), e.Message);
    }

    [Fact]
    public void GzipWithBadChecksumIsRejected()
    {
        var gz = Gzip(ValidLabels);
        gz[^8] ^= 0xff; // CRC-32 of the gzip trailer
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("c"), gz);
        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(dir.File("c")));
        Assert.Contains("corrupt gzip data", e.Message);
    }

    [Fact]
    public void LabelCountMismatch()
    {
        using var dir = new TempDir();
        IdxWriter.WriteImages(dir.File("i"), new byte[2 * 4], 2, 2, 2);
        IdxWriter.WriteLabels(dir.File("l"), [1, 2, 3]);
        var e = Assert.Throws<DataFormatException>(() => IdxDataset.Load(dir.File("i"), dir.File("l"), IdxRoundTripTests.Digits));
        Assert.Equal($"{dir.File("l")} (byte 4): 3 labels for 2 images in {dir.File("i")}", e.Message);
    }

    [Fact]
    public void LabelOutOfRange()
    {
        using var dir = new TempDir();
        IdxWriter.WriteImages(dir.File("i"), new byte[2 * 4], 2, 2, 2);
        IdxWriter.WriteLabels(dir.File("l"), [1, 12]);
        var e = Assert.Throws<DataFormatException>(() => IdxDataset.Load(dir.File("i"), dir.File("l"), IdxRoundTripTests.Digits));
        Assert.Equal($"{dir.File("l")} (byte 9): label 12 of item 1 is out of range for 10 classes", e.Message);
    }
}
