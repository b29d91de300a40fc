using System.Runtime.InteropServices;
using GanAugment.Tensors;

namespace GanAugment.NN.Onnx;

/// <summary>
/// An ONNX graph being built: named inputs with a dynamic batch dimension, nodes (each returns
/// the name of its output), initializers (weights, constants) and outputs; <see cref="ToModel"/>
/// encodes it as a ModelProto of opset <see cref="Opset"/>. Value names are made unique here,
/// so exporters only give hints.
/// </summary>
public sealed class OnnxGraph(string name)
{
    /// <summary>The operator set the exporters target (LayerNormalization needs 17).</summary>
    public const int Opset = 17;

    /// <summary>The symbolic name of the batch dimension of every input and output.</summary>
    public const string Batch = "N";

    private readonly List<byte[]> _nodes = [];
    private readonly List<byte[]> _initializers = [];
    private readonly List<byte[]> _inputs = [];
    private readonly List<byte[]> _outputs = [];
    private readonly HashSet<string> _names = [];

    /// <summary>Declares an input [N, ..<paramref name="itemShape"/>]; returns its name.</summary>
    public string Input(string inputName, OnnxType type, IReadOnlyList<int> itemShape, string doc)
    {
        if (!_names.Add(inputName)) throw new ArgumentException($"the ONNX graph already has a value '{inputName}'");
        _inputs.Add(OnnxProto.ValueInfo(inputName, type, [null, .. itemShape.Select(d => (int?)d)], Batch, doc));
        return inputName;
    }

    /// <summary>Makes <paramref name="value"/> the graph output <paramref name="outputName"/> [N, ..<paramref name="itemShape"/>].</summary>
    public void Output(string value, string outputName, OnnxType type, IReadOnlyList<int> itemShape, string doc)
    {
        if (!_names.Add(outputName)) throw new ArgumentException($"the ONNX graph already has a value '{outputName}'");
        _nodes.Add(OnnxProto.Node(outputName, "Identity", [value], [outputName], []));
        _outputs.Add(OnnxProto.ValueInfo(outputName, type, [null, .. itemShape.Select(d => (int?)d)], Batch, doc));
    }

    /// <summary>A float initializer holding a copy of <paramref name="tensor"/>; returns its name.</summary>
    public string Weight(string hint, Tensor tensor) => Constant(hint, tensor.AsSpan(), tensor.ShapeArray);

    /// <summary>A float constant of shape <paramref name="shape"/>.</summary>
    public string Constant(string hint, ReadOnlySpan<float> values, params int[] shape)
    {
        var valueName = Unique(hint);
        _initializers.Add(OnnxProto.Tensor(valueName, OnnxType.Float, [.. shape.Select(d => (long)d)], MemoryMarshal.AsBytes(values)));
        return valueName;
    }

    /// <summary>An int64 constant vector (shapes, axes, indices).</summary>
    public string Int64s(string hint, params long[] values)
    {
        var valueName = Unique(hint);
        _initializers.Add(OnnxProto.Tensor(valueName, OnnxType.Int64, [values.Length], MemoryMarshal.AsBytes(values.AsSpan())));
        return valueName;
    }

    /// <summary>A node with one output; returns the output's name.</summary>
    public string Node(string opType, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes) =>
        Node(opType, inputs, 1, attributes)[0];

    /// <summary>A node with <paramref name="outputs"/> outputs; returns their names.</summary>
    public string[] Node(string opType, IReadOnlyList<string> inputs, int outputs, params OnnxAttribute[] attributes)
    {
        var outputNames = new string[outputs];
        for (var i = 0; i < outputs; i++) outputNames[i] = Unique(opType.ToLowerInvariant());
        _nodes.Add(OnnxProto.Node(outputNames[0], opType, inputs, outputNames, attributes));
        return outputNames;
    }

    /// <summary>The ModelProto: this graph, opset <see cref="Opset"/> and the metadata_props.</summary>
    public byte[] ToModel(string producerVersion, string doc, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var graph = OnnxProto.Graph(name, _nodes, _initializers, _inputs, _outputs);
        return OnnxProto.Model(graph, Opset, "ganaug", producerVersion, doc, metadata);
    }

    private string Unique(string hint)
    {
        var candidate = hint;
        for (var k = 1; !_names.Add(candidate); k++) candidate = $"{hint}_{k}";
        return candidate;
    }
}
