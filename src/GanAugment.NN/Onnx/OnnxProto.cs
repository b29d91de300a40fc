using Google.Protobuf;

namespace GanAugment.NN.Onnx;

/// <summary>
/// The few ONNX protocol-buffer messages an exported generator needs, encoded by hand with
/// <see cref="CodedOutputStream"/>; field numbers as in onnx.proto (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto):
/// ModelProto (ir_version 1, producer_name 2, producer_version 3, doc_string 6, graph 7,
/// opset_import 8, metadata_props 14), GraphProto (node 1, name 2, initializer 5, input 11,
/// output 12), NodeProto (input 1, output 2, name 3, op_type 4, attribute 5), AttributeProto
/// (name 1, f 2, i 3, s 4, ints 8, type 20), TensorProto (dims 1, data_type 2, name 8,
/// raw_data 9), ValueInfoProto (name 1, type 2, doc_string 3), TypeProto.tensor_type 1
/// (elem_type 1, shape 2), TensorShapeProto.dim 1 (dim_value 1, dim_param 2),
/// OperatorSetIdProto (domain 1, version 2), StringStringEntryProto (key 1, value 2).
/// </summary>
internal static class OnnxProto
{
    /// <summary>The IR version that goes with opset 17 (IR_VERSION_2021_7_30).</summary>
    public const long IrVersion = 8;

    public static byte[] Model(byte[] graph, int opset, string producer, string producerVersion, string doc, IEnumerable<KeyValuePair<string, string>> metadata) =>
        Message(o =>
        {
            Int64(o, 1, IrVersion);
            String(o, 2, producer);
            String(o, 3, producerVersion);
            String(o, 6, doc);
            Bytes(o, 7, graph);
            Bytes(o, 8, Message(s => Int64(s, 2, opset))); // the default domain "" is left out
            foreach (var (key, value) in metadata)
                Bytes(o, 14, Message(e =>
                {
                    String(e, 1, key);
                    String(e, 2, value);
                }));
        });

    public static byte[] Graph(string name, IEnumerable<byte[]> nodes, IEnumerable<byte[]> initializers, IEnumerable<byte[]> inputs, IEnumerable<byte[]> outputs) =>
        Message(o =>
        {
            foreach (var n in nodes) Bytes(o, 1, n);
            String(o, 2, name);
            foreach (var t in initializers) Bytes(o, 5, t);
            foreach (var i in inputs) Bytes(o, 11, i);
            foreach (var v in outputs) Bytes(o, 12, v);
        });

    public static byte[] Node(string name, string opType, IEnumerable<string> inputs, IEnumerable<string> outputs, IEnumerable<OnnxAttribute> attributes) =>
        Message(o =>
        {
            foreach (var i in inputs) String(o, 1, i);
            foreach (var v in outputs) String(o, 2, v);
            String(o, 3, name);
            String(o, 4, opType);
            foreach (var a in attributes) Bytes(o, 5, Attribute(a));
        });

    /// <summary>A tensor with little-endian raw_data (float32 or int64).</summary>
    public static byte[] Tensor(string name, OnnxType type, IReadOnlyList<long> dims, ReadOnlySpan<byte> raw)
    {
        // NOTE: raw is the values' memory as it is; ONNX wants little-endian, which every platform .NET 10 runs on is.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX export writes raw tensor data and needs a little-endian machine");
        var data = raw.ToArray();
        return Message(o =>
        {
            foreach (var d in dims) Int64(o, 1, d);
            Int64(o, 2, (long)type);
            String(o, 8, name);
            Bytes(o, 9, data);
        });
    }

    /// <summary>A tensor's name, element type and shape; a null dimension is the symbolic <paramref name="dynamicName"/>.</summary>
    public static byte[] ValueInfo(string name, OnnxType type, IReadOnlyList<int?> shape, string dynamicName, string doc) =>
        Message(o =>
        {
            String(o, 1, name);
            Bytes(o, 2, Message(t => Bytes(t, 1, Message(tt =>
            {
                Int64(tt, 1, (long)type);
                Bytes(tt, 2, Message(s =>
                {
                    foreach (var d in shape)
                        Bytes(s, 1, Message(dim =>
                        {
                            if (d is { } size) Int64(dim, 1, size);
                            else String(dim, 2, dynamicName);
                        }));
                }));
            }))));
            if (doc.Length > 0) String(o, 3, doc);
        });

    private static byte[] Attribute(OnnxAttribute a) =>
        Message(o =>
        {
            String(o, 1, a.Name);
            switch (a.Kind)
            {
                case OnnxAttributeKind.Float:
                    o.WriteTag(2, WireFormat.WireType.Fixed32);
                    o.WriteFloat(a.Value);
                    break;
                case OnnxAttributeKind.Int:
                    Int64(o, 3, a.Values[0]);
                    break;
                case OnnxAttributeKind.String:
                    String(o, 4, a.Text);
                    break;
                case OnnxAttributeKind.Ints:
                    // NOTE: written unpacked, one tag per value, as onnx.proto (proto2) declares them.
                    foreach (var v in a.Values) Int64(o, 8, v);
                    break;
            }
            Int64(o, 20, (long)a.Kind);
        });

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var o = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(o);
            o.Flush();
        }
        return buffer.ToArray();
    }

    private static void Int64(CodedOutputStream o, int field, long value)
    {
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteInt64(value);
    }

    private static void String(CodedOutputStream o, int field, string value)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(value);
    }

    private static void Bytes(CodedOutputStream o, int field, byte[] value)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(value));
    }
}

/// <summary>ONNX element types (TensorProto.DataType) used by exported generators.</summary>
public enum OnnxType
{
    Float = 1,
    Int64 = 7,
}

/// <summary>AttributeProto.AttributeType values used here.</summary>
public enum OnnxAttributeKind
{
    Float = 1,
    Int = 2,
    String = 3,
    Ints = 7,
}

/// <summary>A node attribute: a float, an int, a string or a list of ints.</summary>
public sealed record OnnxAttribute(string Name, OnnxAttributeKind Kind, float Value, long[] Values, string Text)
{
    public static OnnxAttribute Float(string name, float value) => new(name, OnnxAttributeKind.Float, value, [], "");

    public static OnnxAttribute Int(string name, long value) => new(name, OnnxAttributeKind.Int, 0f, [value], "");

    public static OnnxAttribute String(string name, string value) => new(name, OnnxAttributeKind.String, 0f, [], value);

    public static OnnxAttribute Ints(string name, params long[] values) => new(name, OnnxAttributeKind.Ints, 0f, values, "");
}
