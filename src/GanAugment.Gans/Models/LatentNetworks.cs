using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// A fully connected network from a flat input to <paramref name="outFeatures"/> logits or codes:
/// <paramref name="depth"/> hidden layers of <paramref name="width"/> units, each Linear, then
/// BatchNorm when <paramref name="batchNorm"/> says so for that layer, then LeakyReLU
/// (<paramref name="leakySlope"/>; 0 is a ReLU), and a last Linear. Items of any shape are
/// flattened first, so one class serves images ([N, C, H, W]) and encoded table rows ([N, W]).
/// The encoders and critics of BiGAN and the adversarial autoencoder are this network.
/// </summary>
public sealed class LatentMlp : Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Sequential _body;

    /// <param name="batchNorm">Whether hidden layer i (0-based) has BatchNorm; null for none.</param>
    public LatentMlp(int inFeatures, int width, int depth, int outFeatures, float leakySlope, Func<int, bool>? batchNorm, Rng rng)
    {
        InFeatures = inFeatures;
        var layers = new List<Module<Tensor, Tensor>> { new Flatten() };
        var features = inFeatures;
        for (var i = 0; i < depth; i++, features = width)
        {
            layers.Add(new Linear(features, width, rng));
            if (batchNorm?.Invoke(i) == true) layers.Add(new BatchNorm1d(width));
            layers.Add(leakySlope == 0 ? new ReLU() : new LeakyReLU(leakySlope));
        }
        layers.Add(new Linear(features, outFeatures, rng));
        _body = new Sequential(layers);
    }

    /// <summary>Floats per input row (after flattening).</summary>
    public int InFeatures { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Size(0) > 0 && input.AsSpan().Length / input.Size(0) != InFeatures)
            throw new ArgumentException($"the network takes {InFeatures} floats per item, got [{string.Join(", ", input.ShapeArray)}]");
        return _body.Call(input);
    }

    public string ExportOnnx(OnnxModuleExporter exporter, string input) => exporter.Apply(_body, input);
}

/// <summary>
/// A fully connected decoder (generator) from a code to one item of <paramref name="spec"/>'s
/// shape: <paramref name="depth"/> hidden layers of Linear + BatchNorm (when <paramref name="batchNorm"/>)
/// + ReLU, a Linear to the item's floats, then the output activation of the modality: tanh for
/// images in [-1, 1] (reshaped to [N, C, H, W]), and for encoded table rows tanh or softmax per
/// block, as the table models (<see cref="TableActivation"/>).
/// </summary>
public sealed class ItemDecoder : Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly LatentMlp _mlp;
    private readonly DataSpec _spec;

    public ItemDecoder(DataSpec spec, int inFeatures, int width, int depth, bool batchNorm, Rng rng)
    {
        if (spec is not (ImageSpec or TableSpec)) throw new ArgumentException($"a latent model takes images or tables, not {ModelEntry.Describe(spec.Modality)}");
        if (spec is TableSpec table) TableActivation.CheckBlocks(table);
        _spec = spec;
        _mlp = new LatentMlp(inFeatures, width, depth, spec.Size, 0f, batchNorm ? _ => true : null, rng);
    }

    /// <summary>Floats per code (with the one-hot label of a supervised decoder).</summary>
    public int InFeatures => _mlp.InFeatures;

    public override Tensor Forward(Tensor code)
    {
        var logits = _mlp.Call(code);
        return _spec is TableSpec table
            ? TableActivation.Apply(logits, table)
            : logits.Tanh().Reshape([code.Size(0), .. _spec.ItemShape]);
    }

    public string ExportOnnx(OnnxModuleExporter exporter, string input)
    {
        var logits = exporter.Apply(_mlp, input);
        return _spec is TableSpec table ? TableActivation.ExportOnnx(exporter.Graph, logits, table, null, 0f) : exporter.Graph.Node("Tanh", [logits]);
    }
}
