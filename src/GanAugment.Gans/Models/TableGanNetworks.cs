using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>How a generator turns the logits of a softmax block into the block's values.</summary>
public enum TableSoftmax
{
    /// <summary>softmax(l): the seed's plain softmax per categorical column.</summary>
    Softmax,

    /// <summary>softmax((l + g) / τ) with Gumbel noise g (Jang et al. 2017, https://arxiv.org/abs/1611.01144), as CTGAN with τ = 0.2.</summary>
    GumbelSoftmax,
}

/// <summary>
/// One residual block of CTGAN's generator (Xu et al. 2019, https://arxiv.org/abs/1907.00503,
/// Appendix; <c>ctgan/synthesizers/ctgan.py</c> <c>Residual</c>): h = ReLU(BN(W·x + b)), output
/// [h | x], so each block widens the row by <c>outFeatures</c>.
/// </summary>
public sealed class TableResidual : Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Linear _fc;
    private readonly BatchNorm1d _bn;

    public TableResidual(int inFeatures, int outFeatures, Rng rng)
    {
        _fc = new Linear(inFeatures, outFeatures, rng);
        _bn = new BatchNorm1d(outFeatures, eps: 1e-5f, momentum: 0.1f);
    }

    public override Tensor Forward(Tensor input) => Tensor.Concat([_bn.Call(_fc.Call(input)).Relu(), input], 1);

    public string ExportOnnx(OnnxModuleExporter exporter, string input) =>
        exporter.Graph.Node("Concat", [exporter.Graph.Node("Relu", [exporter.Apply(_bn, exporter.Apply(_fc, input))]), input], OnnxAttribute.Int("axis", 1));
}

/// <summary>
/// CTGAN's generator: <paramref name="depth"/> residual blocks of <paramref name="width"/> on
/// [z | onehot(class) | conditional vector], then a linear layer to the encoded row's logits [N, W]
/// (the activation per block is <see cref="TableActivation.Apply"/>, kept apart so the
/// conditional-vector penalty can take the logits).
/// </summary>
public sealed class TableGenerator : Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Sequential _body;
    private readonly Linear _out;

    public TableGenerator(int inFeatures, int width, int depth, int outFeatures, Rng rng)
    {
        var blocks = new List<Module<Tensor, Tensor>>();
        var features = inFeatures;
        for (var i = 0; i < depth; i++, features += width) blocks.Add(new TableResidual(features, width, rng));
        _body = new Sequential(blocks);
        _out = new Linear(features, outFeatures, rng);
    }

    public override Tensor Forward(Tensor input) => _out.Call(_body.Call(input));

    public string ExportOnnx(OnnxModuleExporter exporter, string input) => exporter.Apply(_out, exporter.Apply(_body, input));
}

/// <summary>
/// CTGAN's critic with PacGAN packing (Lin et al. 2018, https://arxiv.org/abs/1712.04086): it
/// scores packs of <see cref="Pac"/> rows [N / pac, pac·D] (see <see cref="Pack"/>), through
/// <paramref name="depth"/> layers of Linear(width) + LeakyReLU(0.2) + Dropout(0.5), then Linear(1).
/// </summary>
public sealed class TableCritic : Module<Tensor, Tensor>
{
    private readonly Sequential _body;

    /// <param name="rowFeatures">Floats per row given to the critic (encoded row plus condition).</param>
    /// <param name="rng">The model's own stream: the dropout masks are drawn from it, so they resume exactly.</param>
    public TableCritic(int rowFeatures, int pac, int width, int depth, float dropout, Rng init, Rng rng)
    {
        Pac = pac;
        var layers = new List<Module<Tensor, Tensor>>();
        var features = rowFeatures * pac;
        for (var i = 0; i < depth; i++, features = width)
            layers.AddRange([new Linear(features, width, init), new LeakyReLU(0.2f), new Dropout(rng, p: dropout)]);
        layers.Add(new Linear(features, 1, init));
        _body = new Sequential(layers);
    }

    public int Pac { get; }

    /// <summary>Scores [N / pac, 1] of packed rows [N / pac, pac·D].</summary>
    public override Tensor Forward(Tensor packed) => _body.Call(packed);

    /// <summary>Rows [N, D] as packs [N / pac, pac·D]: rows pac·i … pac·i + pac − 1 form pack i.</summary>
    public Tensor Pack(Tensor rows)
    {
        var n = rows.Size(0);
        if (n % Pac != 0) throw new ArgumentException(PacMessage(n, Pac));
        return rows.Reshape(n / Pac, -1);
    }

    /// <summary>The one-line error for a batch that does not split into packs.</summary>
    public static string PacMessage(int batch, int pac)
    {
        var below = Math.Max(pac, batch / pac * pac);
        return $"the batch size {batch} is not a multiple of pac {pac} (PacGAN packs {pac} rows per critic input); use --batch-size {below} or {below + pac}, or --option pac=...";
    }
}

/// <summary>The output activation of an encoded table row, block by block, as <see cref="TableSpec.Blocks"/> says.</summary>
public static class TableActivation
{
    /// <summary>
    /// tanh on <see cref="BlockActivation.Tanh"/> blocks; softmax, or Gumbel-softmax at
    /// <paramref name="temperature"/> with the uniforms <paramref name="uniforms"/> [N, W], on
    /// <see cref="BlockActivation.Softmax"/> blocks. Blocks must tile [0, W) in order.
    /// </summary>
    public static Tensor Apply(Tensor logits, TableSpec spec, Tensor? uniforms = null, float temperature = 0.2f)
    {
        var parts = new Tensor[spec.Blocks.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var b = spec.Blocks[i];
            var block = logits.Narrow(1, b.Offset, b.Width);
            parts[i] = b.Activation == BlockActivation.Tanh ? block.Tanh()
                : uniforms is null ? block.Softmax(1)
                : ((block + Gumbel(uniforms.Narrow(1, b.Offset, b.Width))) / temperature).Softmax(1);
        }
        return Tensor.Concat(parts, 1);
    }

    /// <summary><see cref="Apply"/> in ONNX, on logits [N, W] and, for Gumbel-softmax, uniforms [N, W].</summary>
    public static string ExportOnnx(OnnxGraph graph, string logits, TableSpec spec, string? uniforms, float temperature)
    {
        var parts = new string[spec.Blocks.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var b = spec.Blocks[i];
            var block = Columns(graph, logits, b.Offset, b.Width);
            parts[i] = b.Activation == BlockActivation.Tanh ? graph.Node("Tanh", [block])
                : uniforms is null ? graph.Node("Softmax", [block], OnnxAttribute.Int("axis", 1))
                : graph.Node("Softmax", [graph.Node("Div", [graph.Node("Add", [block, Gumbel(graph, Columns(graph, uniforms, b.Offset, b.Width))]), graph.Constant("temperature", [temperature])])],
                    OnnxAttribute.Int("axis", 1));
        }
        return graph.Node("Concat", parts, OnnxAttribute.Int("axis", 1));
    }

    /// <summary>Columns [offset, offset + width) of <paramref name="x"/> [N, W].</summary>
    public static string Columns(OnnxGraph graph, string x, int offset, int width) =>
        graph.Node("Slice", [x, graph.Int64s("starts", offset), graph.Int64s("ends", offset + width), graph.Int64s("axes", 1)]);

    private static string Gumbel(OnnxGraph graph, string u)
    {
        var clamped = graph.Node("Clip", [u, graph.Constant("u_min", [1e-10f]), graph.Constant("u_max", [1f - 1e-7f])]);
        return graph.Node("Neg", [graph.Node("Log", [graph.Node("Neg", [graph.Node("Log", [clamped])])])]);
    }

    /// <summary>Checks that the blocks tile the row in order (what <see cref="Apply"/> assumes).</summary>
    public static void CheckBlocks(TableSpec spec)
    {
        var offset = 0;
        foreach (var b in spec.Blocks)
        {
            if (b.Offset != offset || b.Width < 1) throw new ArgumentException($"table spec block '{b.Column}' at {b.Offset} (width {b.Width}) does not follow the previous block ending at {offset}");
            offset += b.Width;
        }
        if (offset != spec.Width) throw new ArgumentException($"table spec blocks cover {offset} of {spec.Width} encoded columns");
    }

    // NOTE: u is clamped away from 0 and 1 so that −log(−log u) is finite.
    private static Tensor Gumbel(Tensor u) => -(-u.Clamp(1e-10f, 1f - 1e-7f).Log()).Log();
}
