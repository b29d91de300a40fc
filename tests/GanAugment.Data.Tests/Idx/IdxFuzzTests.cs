using GanAugment.Data.Idx;

namespace GanAugment.Data.Tests.Idx;

/// <summary>
/// Seeded random corruptions of valid files: the reader may accept a corruption that is still a
/// valid file (a flipped pixel), but must otherwise fail with one DataFormatException naming the file.
/// </summary>
public class IdxFuzzTests
{
    private static byte[] ValidImagesFile(bool gzip)
    {
        using var dir = new TempDir();
        var data = IdxRoundTripTests.Tiny(count: 5, height: 6, width: 5);
        IdxWriter.WriteImages(dir.File("x"), data.Pixels, 5, 6, 5, gzip);
        return File.ReadAllBytes(dir.File("x"));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public void CorruptionsOnlyEverRaiseDataFormatException(bool gzip, long seed)
    {
        var valid = ValidImagesFile(gzip);
        var (accepted, rejected) = (0, 0);
        foreach (var (kind, bytes) in Corruptions.Of(valid, count: 400, seed))
        {
            using var stream = new MemoryStream(bytes);
            try
            {
                var array = IdxReader.Read(stream, "fuzz.idx", rank: 3);
                Assert.Equal(array.Dimensions.Aggregate(1L, (a, d) => a * d), array.Data.LongLength);
                accepted++;
            }
            catch (DataFormatException e)
            {
                Assert.StartsWith("fuzz.idx", e.Message);
                Assert.DoesNotContain('\n', e.Message);
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"{kind} corruption raised {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(rejected > 200, $"only {rejected} of 400 corruptions were rejected");
        Assert.Equal(400, accepted + rejected);
    }

    [Fact]
    public void CorruptedFilesOnDiskNameThePath()
    {
        using var dir = new TempDir();
        var valid = ValidImagesFile(gzip: true);
        foreach (var (_, bytes) in Corruptions.Of(valid, count: 40, seed: 3))
        {
            var path = dir.File("c.gz");
            File.WriteAllBytes(path, bytes);
            try { IdxReader.ReadImages(path); }
            catch (DataFormatException e) { Assert.StartsWith(path, e.Message); }
        }
    }
}
