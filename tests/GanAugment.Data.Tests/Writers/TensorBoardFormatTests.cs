using System.Text;
using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;
using GanAugment.Data.Writers;
using GanAugment.Data.Writers.TensorBoard;
using GanAugment.TestSupport;

namespace GanAugment.Data.Tests.Writers;

/// <summary>
/// The TensorBoard event format, pinned byte for byte where the published schema and check values
/// fix it: CRC-32C, the TFRecord frame, and the protocol-buffer encoding of events.
/// </summary>
public class TensorBoardFormatTests
{
    // CRC-32C check values: "123456789" from the CRC catalogue (CRC-32/ISCSI), 32 zero and 32 0xFF bytes from RFC 3720 B.4.
    [Fact]
    public void Crc32c_gives_the_published_check_values()
    {
        Assert.Equal(0xE3069283u, TfRecord.Crc32C("123456789"u8));
        Assert.Equal(0x8A9136AAu, TfRecord.Crc32C(new byte[32]));
        Assert.Equal(0x62A8AB43u, TfRecord.Crc32C(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
    }

    [Fact]
    public void Masked_crc_rotates_right_by_15_and_adds_0xa282ead8() =>
        // rotr(0xE3069283, 15) = 0x25074D1A (by hand), + 0xA282EAD8 = 0xC78AB0E5 (mod 2^32).
        Assert.Equal(0xC78AB0E5u, TfRecord.MaskedCrc("123456789"u8));

    [Fact]
    public void The_file_version_record_is_the_24_bytes_every_event_file_starts_with()
    {
        var e = TensorBoardEventCodec.Encode(new TensorBoardEvent(1.5, 0, "brain.Event:2", []));
        // wall_time: field 1, fixed64 (tag 0x09), 1.5 as a little-endian double; step 0 left out;
        // file_version: field 3, length-delimited (tag 0x1A), 13 bytes.
        byte[] expected = [0x09, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F, 0x1A, 0x0D, .. "brain.Event:2"u8];
        Assert.Equal(expected, e);

        using var stream = new MemoryStream();
        TfRecord.Write(stream, e);
        var record = stream.ToArray();
        // Length 24 as uint64 and its masked CRC-32C: the bytes 18 00 … a3 7f 4b 22 that open every tfevents file.
        Assert.Equal(new byte[] { 0x18, 0, 0, 0, 0, 0, 0, 0, 0xA3, 0x7F, 0x4B, 0x22 }, record[..12]);
        Assert.Equal(expected, record[12..36]);
        Assert.Equal(BitConverter.GetBytes(TfRecord.MaskedCrc(expected)), record[36..]);
    }

    [Fact]
    public void A_scalar_event_encodes_as_the_schema_says()
    {
        var e = TensorBoardEventCodec.Encode(new TensorBoardEvent(1.5, 7, null, [SummaryValue.Of("loss/g", 0.5f)]));
        byte[] value = [0x0A, 0x06, .. "loss/g"u8, 0x15, 0x00, 0x00, 0x00, 0x3F]; // tag (1), simple_value (2, fixed32) 0.5f
        byte[] summary = [0x0A, (byte)value.Length, .. value];                    // Summary.value (1)
        byte[] expected = [0x09, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F, 0x10, 0x07, 0x2A, (byte)summary.Length, .. summary]; // step (2) = 7, summary (5)
        Assert.Equal(expected, e);
    }

    [Fact]
    public void Events_with_scalars_and_an_image_decode_to_what_was_encoded()
    {
        var png = PngEncoder.Encode(new RawImage(3, 2, 1, [0, 64, 128, 192, 255, 1]));
        var e = new TensorBoardEvent(1234.25, 1L << 40, null,
            [SummaryValue.Of("a", -1.25f), SummaryValue.Of("b/ü", float.NaN), EventFileWriter.PngImage("samples", png, "grid.png")]);
        var back = TensorBoardEventCodec.Decode(TensorBoardEventCodec.Encode(e), "x");
        Assert.Equal(e.WallTime, back.WallTime);
        Assert.Equal(e.Step, back.Step);
        Assert.Null(back.FileVersion);
        Assert.Equal(["a", "b/ü", "samples"], back.Values.Select(v => v.Tag));
        Assert.Equal(-1.25f, back.Values[0].Scalar);
        Assert.True(float.IsNaN(back.Values[1].Scalar!.Value));
        var image = back.Values[2].Image!;
        Assert.Equal((2, 3, 1), (image.Height, image.Width, image.Colorspace));
        Assert.Equal(png, image.Encoded);
    }

    [Fact]
    public void Records_read_back_and_a_flipped_byte_is_named_with_its_file_and_offset()
    {
        using var stream = new MemoryStream();
        TfRecord.Write(stream, "first"u8);
        TfRecord.Write(stream, "second record"u8);
        var bytes = stream.ToArray();
        var scan = TfRecord.Read(bytes, "f");
        Assert.True(scan.Complete);
        Assert.Equal(bytes.Length, scan.ValidLength);
        Assert.Equal(["first", "second record"], scan.Records.Select(r => Encoding.ASCII.GetString(r)));

        var data = (byte[])bytes.Clone();
        data[12 + 5 + 4 + 12 + 3] ^= 1; // a byte of the second record's data
        Assert.Equal("f (byte 21): bad data CRC in a TFRecord", Assert.Throws<DataFormatException>(() => TfRecord.Read(data, "f")).Message);
        var length = (byte[])bytes.Clone();
        length[21] ^= 1; // the second record's length
        Assert.Equal("f (byte 21): bad length CRC in a TFRecord header", Assert.Throws<DataFormatException>(() => TfRecord.Read(length, "f")).Message);
    }

    [Theory]
    [InlineData(3)]  // inside the second header
    [InlineData(12)] // header whole, data cut
    [InlineData(27)] // data whole, footer cut
    public void A_cut_last_record_is_left_out_and_repair_removes_it(int kept)
    {
        using var dir = new TempDir();
        using var stream = new MemoryStream();
        TfRecord.Write(stream, "first"u8);
        var whole = stream.Length;
        TfRecord.Write(stream, "second record"u8);
        var path = dir.Write(EventFiles.Prefix + "1.host", stream.ToArray()[..(int)(whole + kept)]);

        var scan = TfRecord.Read(File.ReadAllBytes(path), path);
        Assert.False(scan.Complete);
        Assert.Equal(whole, scan.ValidLength);
        Assert.Single(scan.Records);
        EventFiles.Repair(path);
        Assert.Equal(whole, new FileInfo(path).Length);
        Assert.True(TfRecord.Read(File.ReadAllBytes(path), path).Complete);
    }

    [Fact]
    public void A_writer_names_its_file_by_time_and_host_and_a_second_in_the_same_second_gets_another_name()
    {
        using var dir = new TempDir();
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        string first, second;
        using (var a = new EventFileWriter(dir.Path, clock))
        {
            a.Write(1, [SummaryValue.Of("loss/d", 0.75f)]);
            first = a.Path;
        }
        using (var b = new EventFileWriter(dir.Path, clock)) second = b.Path;

        Assert.Matches(@"^events\.out\.tfevents\.1700000000\.[A-Za-z0-9_-]+$", Path.GetFileName(first));
        Assert.Equal(Path.GetFileName(first) + ".1", Path.GetFileName(second));
        Assert.Equal([first, second], EventFiles.In(dir.Path));
        var events = EventFiles.Read(first);
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        Assert.Equal(1_700_000_000.0, events[0].WallTime);
        Assert.Equal((1L, "loss/d", 0.75f), (events[1].Step, events[1].Values.Single().Tag, events[1].Values.Single().Scalar!.Value));
        Assert.Single(EventFiles.Read(second));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
