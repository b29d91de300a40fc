using GanAugment.Tensors;

namespace GanAugment.NN.Onnx;

/// <summary>
/// Writes modules into an <see cref="OnnxGraph"/> as they compute in evaluation mode (BatchNorm
/// with its running statistics, dropout the identity): one mapping per layer type, so a model
/// wires its networks and never maps a layer itself. Weights are named as in the checkpoint
/// ("generator.3.weight"). A module type without a mapping throws
/// <see cref="NotSupportedException"/> naming it; blocks outside this library map themselves
/// through <see cref="IOnnxExportable"/>.
/// </summary>
public sealed class OnnxModuleExporter
{
    private readonly Dictionary<Module, string> _names = new(ReferenceEqualityComparer.Instance);

    /// <summary>An exporter into <paramref name="graph"/> for the network <paramref name="network"/> (its modules are named "network.path").</summary>
    public OnnxModuleExporter(OnnxGraph graph, string network, Module root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Graph = graph;
        foreach (var (path, m) in root.NamedModules()) _names[m] = path.Length == 0 ? network : network + "." + path;
    }

    public OnnxGraph Graph { get; }

    /// <summary>Adds the nodes of <paramref name="module"/> applied to <paramref name="x"/>; returns the output's name.</summary>
    public string Apply(Module<Tensor, Tensor> module, string x) => module switch
    {
        IOnnxExportable own => own.ExportOnnx(this, x),
        Sequential s => Enumerable.Range(0, s.Count).Aggregate(x, (v, i) => Apply(s[i], v)),
        Linear l => Linear(l, x),
        Conv2d c => Conv(c, x),
        ConvTranspose2d t => ConvTranspose(t, x),
        BatchNorm b => BatchNorm(b, x),
        LayerNorm n => LayerNorm(n, x),
        LeakyReLU r => Graph.Node("LeakyRelu", [x], OnnxAttribute.Float("alpha", r.NegativeSlope)),
        ReLU => Graph.Node("Relu", [x]),
        Tanh => Graph.Node("Tanh", [x]),
        Sigmoid => Graph.Node("Sigmoid", [x]),
        Softmax s => Graph.Node("Softmax", [x], OnnxAttribute.Int("axis", s.Dim)),
        Dropout => Graph.Node("Identity", [x]),
        Flatten { StartDim: 1 } => Graph.Node("Flatten", [x], OnnxAttribute.Int("axis", 1)),
        Upsample u => UpsampleNearest(x, u.ScaleFactor),
        _ => throw new NotSupportedException($"ONNX export has no mapping for {module.GetType().Name} ({NameOf(module)})"),
    };

    /// <summary>The rows of <paramref name="embedding"/> for int64 indices <paramref name="indices"/> [N] (Gather): [N, dim].</summary>
    public string Embed(Embedding embedding, string indices) =>
        Graph.Node("Gather", [Weight(embedding, "weight", embedding.Weight), indices], OnnxAttribute.Int("axis", 0));

    /// <summary>
    /// <paramref name="lstm"/> over x [N, T, input] (batch first) from a zero state: the hidden
    /// states of the last layer, [N, T, hidden]. One ONNX LSTM node per layer, whose gates are in
    /// the order i, o, f, c where PyTorch (and <see cref="LSTMCell"/>) has i, f, g, o.
    /// </summary>
    public string Lstm(LSTM lstm, string x)
    {
        if (!lstm.BatchFirst) throw new NotSupportedException($"ONNX export of {NameOf(lstm)} supports batch-first LSTMs only");
        var hidden = lstm.HiddenSize;
        var sequence = Graph.Node("Transpose", [x], OnnxAttribute.Ints("perm", 1, 0, 2)); // [T, N, input]
        foreach (var cell in lstm.Layers)
        {
            var w = Weight(cell, "weight_ih", Gates(cell.WeightIh), 1, 4 * hidden, cell.InputSize);
            var r = Weight(cell, "weight_hh", Gates(cell.WeightHh), 1, 4 * hidden, hidden);
            var bias = new float[8 * hidden];
            if (cell.BiasIh is { } bi) Gates(bi).CopyTo(bias, 0);
            if (cell.BiasHh is { } bh) Gates(bh).CopyTo(bias, 4 * hidden);
            var b = Graph.Constant(NameOf(cell) + ".bias", bias, 1, 8 * hidden);
            var outputs = Graph.Node("LSTM", [sequence, w, r, b], 3, OnnxAttribute.Int("hidden_size", hidden));
            // Y is [T, 1 direction, N, hidden]; the next layer takes [T, N, hidden].
            sequence = Graph.Node("Squeeze", [outputs[0], Graph.Int64s("axis_1", 1)]);
        }
        return Graph.Node("Transpose", [sequence], OnnxAttribute.Ints("perm", 1, 0, 2));
    }

    /// <summary>An initializer named after <paramref name="owner"/>'s checkpoint name and <paramref name="member"/>.</summary>
    public string Weight(Module owner, string member, Tensor value) => Graph.Weight(NameOf(owner) + "." + member, value);

    /// <summary>The checkpoint name of <paramref name="module"/> (its type name when it is outside the network).</summary>
    public string NameOf(Module module) => _names.TryGetValue(module, out var name) ? name : module.GetType().Name;

    private string Weight(Module owner, string member, float[] values, params int[] shape) => Graph.Constant(NameOf(owner) + "." + member, values, shape);

    private string Linear(Linear l, string x)
    {
        // y = x·Wᵀ + b as MatMul with the transposed weight (any rank of x, as Functional.Linear).
        int outF = l.OutFeatures, inF = l.InFeatures;
        var w = l.Weight.AsSpan();
        var transposed = new float[w.Length];
        for (var o = 0; o < outF; o++)
            for (var i = 0; i < inF; i++) transposed[i * outF + o] = w[o * inF + i];
        var y = Graph.Node("MatMul", [x, Weight(l, "weight_t", transposed, inF, outF)]);
        return l.Bias is null ? y : Graph.Node("Add", [y, Weight(l, "bias", l.Bias)]);
    }

    private string Conv(Conv2d c, string x)
    {
        var (kh, kw) = (c.KernelSize.H, c.KernelSize.W);
        // "same" puts the smaller half of k - 1 zeros before, as Conv2d.Forward does.
        long[] pads = c.Padding.IsSame
            ? [(kh - 1) / 2, (kw - 1) / 2, kh - 1 - (kh - 1) / 2, kw - 1 - (kw - 1) / 2]
            : [c.Padding.Size.H, c.Padding.Size.W, c.Padding.Size.H, c.Padding.Size.W];
        List<string> inputs = [x, Weight(c, "weight", c.Weight)];
        if (c.Bias is not null) inputs.Add(Weight(c, "bias", c.Bias));
        return Graph.Node("Conv", inputs,
            OnnxAttribute.Ints("kernel_shape", kh, kw), OnnxAttribute.Ints("strides", c.Stride.H, c.Stride.W), OnnxAttribute.Ints("pads", pads));
    }

    private string ConvTranspose(ConvTranspose2d t, string x)
    {
        // Both use the weight layout [in, out, kh, kw].
        List<string> inputs = [x, Weight(t, "weight", t.Weight)];
        if (t.Bias is not null) inputs.Add(Weight(t, "bias", t.Bias));
        return Graph.Node("ConvTranspose", inputs,
            OnnxAttribute.Ints("kernel_shape", t.KernelSize.H, t.KernelSize.W), OnnxAttribute.Ints("strides", t.Stride.H, t.Stride.W),
            OnnxAttribute.Ints("pads", t.Padding.H, t.Padding.W, t.Padding.H, t.Padding.W),
            OnnxAttribute.Ints("output_padding", t.OutputPadding.H, t.OutputPadding.W));
    }

    private string BatchNorm(BatchNorm b, string x)
    {
        if (b.RunningMean is null || b.RunningVar is null)
            throw new NotSupportedException($"ONNX export of {NameOf(b)} needs running statistics (it normalises by the batch's own in evaluation)");
        var c = b.NumFeatures;
        var scale = b.Weight is { } w ? Weight(b, "weight", w) : Weight(b, "weight", Filled(c, 1f), c);
        var shift = b.Bias is { } s ? Weight(b, "bias", s) : Weight(b, "bias", Filled(c, 0f), c);
        return Graph.Node("BatchNormalization", [x, scale, shift, Weight(b, "running_mean", b.RunningMean), Weight(b, "running_var", b.RunningVar)],
            OnnxAttribute.Float("epsilon", b.Eps));
    }

    private string LayerNorm(LayerNorm n, string x)
    {
        var shape = n.NormalizedShape.ToArray();
        var size = shape.Aggregate(1, (a, d) => a * d);
        var scale = n.Weight is { } w ? Weight(n, "weight", w) : Weight(n, "weight", Filled(size, 1f), shape);
        var shift = n.Bias is { } s ? Weight(n, "bias", s) : Weight(n, "bias", Filled(size, 0f), shape);
        return Graph.Node("LayerNormalization", [x, scale, shift], OnnxAttribute.Int("axis", -shape.Length), OnnxAttribute.Float("epsilon", n.Eps));
    }

    /// <summary>Nearest-neighbour upsampling of NCHW <paramref name="x"/> by <paramref name="factor"/> (as <see cref="Tensor.UpsampleNearest"/>).</summary>
    public string UpsampleNearest(string x, int factor)
    {
        // Pixel (i, j) of the output copies (⌊i/s⌋, ⌊j/s⌋): asymmetric coordinates, rounded down.
        var scales = Graph.Constant("upsample_scales", [1f, 1f, factor, factor], 4);
        return Graph.Node("Resize", [x, "", scales],
            OnnxAttribute.String("mode", "nearest"), OnnxAttribute.String("coordinate_transformation_mode", "asymmetric"),
            OnnxAttribute.String("nearest_mode", "floor"));
    }

    /// <summary>Rows of a [4·hidden, ...] gate tensor reordered from PyTorch's i, f, g, o to ONNX's i, o, f, c.</summary>
    private static float[] Gates(Tensor t)
    {
        var src = t.AsSpan();
        var block = src.Length / 4;
        var dst = new float[src.Length];
        int[] from = [0, 3, 1, 2]; // ONNX block k takes PyTorch block from[k]
        for (var k = 0; k < 4; k++) src.Slice(from[k] * block, block).CopyTo(dst.AsSpan(k * block, block));
        return dst;
    }

    private static float[] Filled(int n, float value)
    {
        var a = new float[n];
        Array.Fill(a, value);
        return a;
    }
}
