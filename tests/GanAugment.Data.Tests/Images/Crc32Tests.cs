using System.Text;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Tests.Images;

public class Crc32Tests
{
    [Fact]
    public void Check_value_of_the_standard_test_string() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Crc_of_an_iend_chunk_type_is_the_one_every_png_ends_with() =>
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));

    [Fact]
    public void Incremental_update_equals_one_shot()
    {
        var data = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");
        var register = Crc32.Update(Crc32.Update(Crc32.Start, data.AsSpan(0, 10)), data.AsSpan(10));
        Assert.Equal(0x414FA339u, Crc32.Finish(register));
        Assert.Equal(0x414FA339u, Crc32.Compute(data));
    }
}
