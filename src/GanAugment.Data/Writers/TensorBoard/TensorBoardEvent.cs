using Google.Protobuf;

namespace GanAugment.Data.Writers.TensorBoard;

/// <summary>
/// One TensorBoard <c>Event</c>: its wall time (seconds since 1970), step, and either the
/// <c>file_version</c> that opens every event file or a <c>Summary</c> of values.
/// </summary>
public sealed record TensorBoardEvent(double WallTime, long Step, string? FileVersion, IReadOnlyList<SummaryValue> Values);

/// <summary>A <c>Summary.Value</c>: a tag with a scalar (<c>simple_value</c>) or an encoded image.</summary>
public sealed record SummaryValue(string Tag, float? Scalar, SummaryImage? Image)
{
    public static SummaryValue Of(string tag, float value) => new(tag, value, null);
}

/// <summary>A <c>Summary.Image</c>: size, colour space (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA) and the encoded (PNG) bytes.</summary>
public sealed record SummaryImage(int Height, int Width, int Colorspace, byte[] Encoded);

/// <summary>
/// The protocol-buffer encoding of <see cref="TensorBoardEvent"/>, written with Google.Protobuf's
/// coded streams against the public schema (tensorflow/core/util/event.proto and
/// tensorflow/core/framework/summary.proto; TensorBoard keeps copies under tensorboard/compat/proto):
/// <code>
/// message Event   { double wall_time = 1; int64 step = 2; oneof what { string file_version = 3; Summary summary = 5; ... } }
/// message Summary { repeated Value value = 1;
///   message Value { string tag = 1; oneof value { float simple_value = 2; Image image = 4; ... } }
///   message Image { int32 height = 1; int32 width = 2; int32 colorspace = 3; bytes encoded_image_string = 4; } }
/// </code>
/// Only these fields are written; decoding skips any other.
/// </summary>
public static class TensorBoardEventCodec
{
    private const int EventWallTime = 1, EventStep = 2, EventFileVersion = 3, EventSummary = 5;
    private const int SummaryValueField = 1;
    private const int ValueTag = 1, ValueSimple = 2, ValueImage = 4;
    private const int ImageHeight = 1, ImageWidth = 2, ImageColorspace = 3, ImageEncoded = 4;

    public static byte[] Encode(TensorBoardEvent e) => Message(o =>
    {
        o.WriteTag(EventWallTime, WireFormat.WireType.Fixed64);
        o.WriteDouble(e.WallTime);
        // NOTE: proto3 leaves a zero step out, as generated code does; decoders read it as 0.
        if (e.Step != 0)
        {
            o.WriteTag(EventStep, WireFormat.WireType.Varint);
            o.WriteInt64(e.Step);
        }
        if (e.FileVersion is { } version)
        {
            o.WriteTag(EventFileVersion, WireFormat.WireType.LengthDelimited);
            o.WriteString(version);
        }
        if (e.Values.Count > 0)
        {
            o.WriteTag(EventSummary, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(Summary(e.Values)));
        }
    });

    private static byte[] Summary(IReadOnlyList<SummaryValue> values) => Message(o =>
    {
        foreach (var v in values)
        {
            o.WriteTag(SummaryValueField, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(Value(v)));
        }
    });

    private static byte[] Value(SummaryValue v) => Message(o =>
    {
        o.WriteTag(ValueTag, WireFormat.WireType.LengthDelimited);
        o.WriteString(v.Tag);
        if (v.Scalar is { } scalar)
        {
            o.WriteTag(ValueSimple, WireFormat.WireType.Fixed32);
            o.WriteFloat(scalar);
        }
        else if (v.Image is { } image)
        {
            o.WriteTag(ValueImage, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(Image(image)));
        }
    });

    private static byte[] Image(SummaryImage image) => Message(o =>
    {
        o.WriteTag(ImageHeight, WireFormat.WireType.Varint);
        o.WriteInt32(image.Height);
        o.WriteTag(ImageWidth, WireFormat.WireType.Varint);
        o.WriteInt32(image.Width);
        o.WriteTag(ImageColorspace, WireFormat.WireType.Varint);
        o.WriteInt32(image.Colorspace);
        o.WriteTag(ImageEncoded, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(image.Encoded));
    });

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }
        return buffer.ToArray();
    }

    /// <summary>Decodes an <c>Event</c>; <paramref name="name"/> names its file in errors.</summary>
    /// <exception cref="DataFormatException">Bytes that are not a valid protocol buffer.</exception>
    public static TensorBoardEvent Decode(byte[] bytes, string name)
    {
        try
        {
            double wall = 0;
            long step = 0;
            string? version = null;
            var values = new List<SummaryValue>();
            var input = new CodedInputStream(bytes);
            for (uint tag; (tag = input.ReadTag()) != 0;)
            {
                switch (WireFormat.GetTagFieldNumber(tag))
                {
                    case EventWallTime: wall = input.ReadDouble(); break;
                    case EventStep: step = input.ReadInt64(); break;
                    case EventFileVersion: version = input.ReadString(); break;
                    case EventSummary: values.AddRange(DecodeSummary(input.ReadBytes())); break;
                    default: input.SkipLastField(); break;
                }
            }
            return new TensorBoardEvent(wall, step, version, values);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new DataFormatException($"{name}: not a TensorBoard event ({e.Message})", e);
        }
    }

    private static List<SummaryValue> DecodeSummary(ByteString bytes)
    {
        var values = new List<SummaryValue>();
        var input = bytes.CreateCodedInput();
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            if (WireFormat.GetTagFieldNumber(tag) == SummaryValueField) values.Add(DecodeValue(input.ReadBytes()));
            else input.SkipLastField();
        }
        return values;
    }

    private static SummaryValue DecodeValue(ByteString bytes)
    {
        var (name, scalar, image) = ("", (float?)null, (SummaryImage?)null);
        var input = bytes.CreateCodedInput();
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case ValueTag: name = input.ReadString(); break;
                case ValueSimple: scalar = input.ReadFloat(); break;
                case ValueImage: image = DecodeImage(input.ReadBytes()); break;
                default: input.SkipLastField(); break;
            }
        }
        return new SummaryValue(name, scalar, image);
    }

    private static SummaryImage DecodeImage(ByteString bytes)
    {
        int height = 0, width = 0, colorspace = 0;
        byte[] encoded = [];
        var input = bytes.CreateCodedInput();
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case ImageHeight: height = input.ReadInt32(); break;
                case ImageWidth: width = input.ReadInt32(); break;
                case ImageColorspace: colorspace = input.ReadInt32(); break;
                case ImageEncoded: encoded = input.ReadBytes().ToByteArray(); break;
                default: input.SkipLastField(); break;
            }
        }
        return new SummaryImage(height, width, colorspace, encoded);
    }
}
