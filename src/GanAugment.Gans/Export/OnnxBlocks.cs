using GanAugment.NN.Onnx;

namespace GanAugment.Gans.Export;

/// <summary>ONNX nodes for the conditioning the models share (the counterparts of <see cref="LabelConditioning"/>).</summary>
public static class OnnxBlocks
{
    /// <summary>onehot(label) [N, classes] (float) from int64 labels [N].</summary>
    public static string OneHot(OnnxGraph graph, string label, int classes) =>
        graph.Node("OneHot", [label, graph.Int64s("classes", classes), graph.Constant("off_on", [0f, 1f], 2)], OnnxAttribute.Int("axis", -1));

    /// <summary>[a | b | ...] along the last axis.</summary>
    public static string ConcatLast(OnnxGraph graph, params string[] values) =>
        graph.Node("Concat", values, OnnxAttribute.Int("axis", -1));

    /// <summary>[z | onehot(y)] [N, latent + classes], as <see cref="LabelConditioning.NoiseWithLabels"/>.</summary>
    public static string NoiseWithLabels(OnnxGraph graph, string noise, string label, int classes) =>
        ConcatLast(graph, noise, OneHot(graph, label, classes));
}
