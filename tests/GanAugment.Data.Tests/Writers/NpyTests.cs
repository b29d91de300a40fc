using GanAugment.Data.Tests.Images;
using GanAugment.Data.Writers;

namespace GanAugment.Data.Tests.Writers;

public class NpyTests
{
    // Files written by numpy 1.24.2's np.save (base64), for byte-for-byte comparison.
    private const string NumpyF4 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAIC/AAAAvwAAAAAAAAA/AACAPwAAwD8=";
    private const string NumpyF8 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDQsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4PwAAAAAAAALAnHUAiDzkN34AAAAAAAAAAA==";
    private const string NumpyI4 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDIsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAr8/////f////7/////////AAAAAAEAAAACAAAAAwAAAA==";
    private const string NumpyI8 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAr//////////wAAAAAAAQAABwAAAAAAAAA=";
    private const string NumpyU1 = "k05VTVBZAQB2AHsnZGVzY3InOiAnfHUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsIDEpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAgP8=";
    private const string NumpyScalar = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAGBA";
    private const string NumpyEmpty = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDAsIDUpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo=";
    private const string NumpyBigF4 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPmY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo/gAAAwAAAAA==";
    private const string NumpyBigI4 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPmk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAB/////g==";
    private const string NumpyFortran = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAABAQAAAgD8AAIBAAAAAQAAAoEA=";
    private const string NumpyV2 = "k05VTVBZAgB0AAAAeydkZXNjcic6ICc8aTQnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMywpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAQAAAAIAAAA=";

    private static byte[] WriteAndRead(Action<string> write)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "sub", "dir", "a.npy");
        write(path);
        Assert.False(File.Exists(path + ".tmp"));
        return File.ReadAllBytes(path);
    }

    public static TheoryData<string, NpyArray> SameAsNumpy() => new()
    {
        { NumpyF4, NpyArray.Of(new[] { -1f, -0.5f, 0f, 0.5f, 1f, 1.5f }, 2, 3) },
        { NumpyF8, NpyArray.Of(new[] { 1.5, -2.25, 1e300, 0.0 }, 4) },
        { NumpyI4, NpyArray.Of(new[] { -4, -3, -2, -1, 0, 1, 2, 3 }, 2, 2, 2) },
        { NumpyI8, NpyArray.Of(new[] { -1L, 1L << 40, 7L }, 3) },
        { NumpyU1, NpyArray.Of(new byte[] { 0, 128, 255 }, 3, 1) },
        { NumpyScalar, NpyArray.Of(new[] { 3.5f }) },
        { NumpyEmpty, NpyArray.Of(Array.Empty<float>(), 0, 5) },
    };

    [Theory]
    [MemberData(nameof(SameAsNumpy))]
    public void Writes_the_same_bytes_as_np_save(string numpyBase64, NpyArray array) =>
        Assert.Equal(Convert.FromBase64String(numpyBase64), WriteAndRead(path => NpyWriter.Write(path, array)));

    [Theory]
    [MemberData(nameof(SameAsNumpy))]
    public void Reads_np_save_files(string numpyBase64, NpyArray expected)
    {
        var array = NpyReader.Decode(Convert.FromBase64String(numpyBase64), "a.npy");
        Assert.Equal(expected.DType, array.DType);
        Assert.Equal(expected.Shape, array.Shape);
        Assert.Equal(expected.Data, array.Data);
    }

    [Fact]
    public void Header_is_padded_so_data_starts_at_a_multiple_of_64_and_ends_with_newline()
    {
        foreach (var shape in new[] { new[] { 1 }, [12345, 678], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [] })
        {
            var header = NpyFormat.Header(NpyDType.Float32, shape);
            Assert.Equal(0, header.Length % 64);
            Assert.Equal((byte)'\n', header[^1]);
            Assert.Equal(header.Length - 10, BitConverter.ToUInt16(header, 8));
        }
    }

    [Fact]
    public void Span_overloads_write_each_dtype()
    {
        Assert.Equal(Convert.FromBase64String(NumpyI8), WriteAndRead(p => NpyWriter.Write(p, [-1L, 1L << 40, 7L], [3])));
        Assert.Equal(Convert.FromBase64String(NumpyU1), WriteAndRead(p => NpyWriter.Write(p, (ReadOnlySpan<byte>)[0, 128, 255], [3, 1])));
        Assert.Equal(Convert.FromBase64String(NumpyF8), WriteAndRead(p => NpyWriter.Write(p, [1.5, -2.25, 1e300, 0.0], [4])));
    }

    [Fact]
    public void Reads_big_endian_and_version_2_files()
    {
        Assert.Equal(new[] { 1f, -2f }, NpyReader.Decode(Convert.FromBase64String(NumpyBigF4), "a.npy").Get<float>());
        Assert.Equal(new[] { 1, -2 }, NpyReader.Decode(Convert.FromBase64String(NumpyBigI4), "a.npy").Get<int>());
        Assert.Equal(new[] { 0, 1, 2 }, NpyReader.Decode(Convert.FromBase64String(NumpyV2), "a.npy").Get<int>());
    }

    [Fact]
    public void Round_trips_through_a_file_and_converts_to_float()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "x.npy");
        NpyWriter.Write(path, [1, 2, 3, 4, 5, 6], [3, 2]);
        var array = NpyReader.Read(path);
        Assert.Equal([3, 2], array.Shape);
        Assert.Equal(new[] { 1f, 2, 3, 4, 5, 6 }, array.ToSingle());
        Assert.Throws<InvalidOperationException>(() => array.Get<float>());
    }

    [Fact]
    public void Writer_checks_the_shape() =>
        Assert.Throws<ArgumentException>(() => NpyWriter.Write("unused.npy", [1f, 2f, 3f], [2, 2]));

    private static string ErrorOf(byte[] bytes, long offset)
    {
        var e = Assert.Throws<DataFormatException>(() => NpyReader.Decode(bytes, "bad.npy"));
        Assert.StartsWith($"bad.npy (byte {offset}): ", e.Message);
        return e.Message;
    }

    private static byte[] WithHeader(string dict, byte[]? data = null)
    {
        var text = dict + "\n";
        return [0x93, .. "NUMPY"u8, 1, 0, (byte)text.Length, (byte)(text.Length >> 8), .. System.Text.Encoding.ASCII.GetBytes(text), .. data ?? []];
    }

    [Fact]
    public void Bad_magic() => Assert.Contains("bad magic", ErrorOf("NUMPY....."u8.ToArray(), 0));

    [Fact]
    public void Unsupported_version() => Assert.Contains("version 4.0", ErrorOf([0x93, .. "NUMPY"u8, 4, 0, 0, 0], 6));

    [Fact]
    public void Header_longer_than_the_file() => Assert.Contains("runs past the end", ErrorOf([0x93, .. "NUMPY"u8, 1, 0, 0xFF, 0x00, .. "{}"u8], 8));

    [Fact]
    public void Fortran_order_is_refused() => Assert.Contains("Fortran-order", ErrorOf(Convert.FromBase64String(NumpyFortran), 10));

    [Theory]
    [InlineData("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", "unsupported dtype '<c8'", 10)]
    [InlineData("{'descr': '<f4', 'fortran_order': False, }", "needs the keys", 53)]
    [InlineData("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (1,), }", "fortran_order is not True or False", 44)]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (1, x), }", "expected a non-negative integer", 64)]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", "expected a non-negative integer", 61)]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999,), }", "too large", 72)]
    [InlineData("{'descr': '<f4', 'descr': '<f4', }", "unexpected or repeated key 'descr'", 35)]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (1,) } extra", "text after the closing brace", 67)]
    [InlineData("['descr']", "expected '{'", 10)]
    public void Bad_header(string dict, string expected, long offset) => Assert.Contains(expected, ErrorOf(WithHeader(dict, new byte[4]), offset));

    [Fact]
    public void Data_size_must_match_the_shape()
    {
        var bytes = WithHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", new byte[12]);
        Assert.Contains("needs 16 data bytes, the file has 12", ErrorOf(bytes, bytes.Length - 12));
    }

    [Fact]
    public void Huge_shape_is_refused_before_allocating() =>
        Assert.Contains("is too large", ErrorOf(WithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }"), 10));

    [Fact]
    public void Parser_accepts_double_quotes_any_key_order_and_python2_longs()
    {
        var array = NpyReader.Decode(WithHeader("{\"shape\": (2L,), \"fortran_order\": False, \"descr\": \"<i4\"}", [1, 0, 0, 0, 2, 0, 0, 0]), "a.npy");
        Assert.Equal(new[] { 1, 2 }, array.Get<int>());
    }

    [Fact]
    public void Corruptions_only_raise_data_format_errors()
    {
        var valid = Convert.FromBase64String(NumpyI4);
        var rejected = CorruptionFuzz.Run(valid, (bytes, name) => NpyReader.Decode(bytes, name), "fuzz.npy", 1000, seed: 21);
        Assert.True(rejected > 100, $"{rejected} rejected");
        CorruptionFuzz.Run(Convert.FromBase64String(NumpyV2), (bytes, name) => NpyReader.Decode(bytes, name), "fuzz.npy", 1000, seed: 22);
    }
}
