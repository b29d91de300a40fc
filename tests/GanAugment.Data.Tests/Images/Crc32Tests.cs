using System.IO.Hashing;
using System.Text;

namespace GanAugment.Data.Tests.Images;

/// <summary>The CRC-32 that PNG chunks use comes from System.IO.Hashing; these pin that it is the PNG one.</summary>
public class Crc32Tests
{
    [Fact]
    public void Check_value_of_the_standard_test_string() =>
        Assert.Equal(0xCBF43926u, Crc32.HashToUInt32(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Crc_of_an_iend_chunk_type_is_the_one_every_png_ends_with() =>
        Assert.Equal(0xAE426082u, Crc32.HashToUInt32("IEND"u8));

    [Fact]
    public void Incremental_update_equals_one_shot()
    {
        var data = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");
        var crc = new Crc32();
        crc.Append(data.AsSpan(0, 10));
        crc.Append(data.AsSpan(10));
        Assert.Equal(0x414FA339u, crc.GetCurrentHashAsUInt32());
        Assert.Equal(0x414FA339u, Crc32.HashToUInt32(data));
    }
}
