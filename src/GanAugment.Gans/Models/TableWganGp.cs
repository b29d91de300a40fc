using GanAugment.Gans.Export;
using GanAugment.Gans.Options;
using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>The adversarial loss of a table model.</summary>
public enum TableGanLoss
{
    /// <summary>WGAN-GP: E[D(x̃)] − E[D(x)] + λ·E[(‖∇D(x̂)‖ − 1)²] for the critic, −E[D(G(z))] for G.</summary>
    Wasserstein,

    /// <summary>The plain GAN with G's non-saturating loss, BCE on logits; no penalty.</summary>
    NonSaturating,
}

/// <summary>
/// Options of the table models, with CTGAN's defaults (Xu et al. 2019,
/// https://arxiv.org/abs/1907.00503; <c>ctgan.CTGAN</c>): embedding 128, generator and critic
/// (256, 256), pac 10, one critic step, Adam(2e-4, β = (0.5, 0.9), weight decay 1e-6), λ = 10.
/// </summary>
public sealed record TableGanOptions
{
    public int LatentDim { get; init; } = 128;
    public int GeneratorWidth { get; init; } = 256;
    public int GeneratorDepth { get; init; } = 2;
    public int CriticWidth { get; init; } = 256;
    public int CriticDepth { get; init; } = 2;
    public float Dropout { get; init; } = 0.5f;
    public int Pac { get; init; } = 10;
    public TableSoftmax Softmax { get; init; } = TableSoftmax.Softmax;
    public float Temperature { get; init; } = 0.2f;
    public AdamOptions Adam { get; init; } = new(LearningRate: 2e-4, Beta1: 0.5, Beta2: 0.9);
    /// <summary>L2 weight decay of both Adams (torch.optim.Adam's coupled <c>weight_decay</c>, as CTGAN).</summary>
    public double WeightDecay { get; init; } = 1e-6;
    public float Lambda { get; init; } = 10f;
    public int CriticSteps { get; init; } = 1;
    /// <summary>Which model these are the options of (set by its zoo entry, not an option).</summary>
    public TableGanLoss Loss { get; init; } = TableGanLoss.Wasserstein;

    /// <summary>The options of <c>table-gan</c>; <c>table-wgan-gp</c> adds <c>lambda</c>.</summary>
    public static OptionSchema<TableGanOptions> Schema { get; } = new OptionSchema<TableGanOptions>()
        .Int("latent-dim", "noise size (CTGAN's embedding_dim)", o => o.LatentDim, (o, v) => o with { LatentDim = v }, min: 1)
        .Int("generator-width", "units of each residual block of G", o => o.GeneratorWidth, (o, v) => o with { GeneratorWidth = v }, min: 1)
        .Int("generator-depth", "residual blocks of G (Linear + BatchNorm + ReLU, concatenated with their input)", o => o.GeneratorDepth, (o, v) => o with { GeneratorDepth = v }, min: 1)
        .Int("critic-width", "units of each hidden layer of the critic", o => o.CriticWidth, (o, v) => o with { CriticWidth = v }, min: 1)
        .Int("critic-depth", "hidden layers of the critic (Linear + LeakyReLU 0.2 + dropout)", o => o.CriticDepth, (o, v) => o with { CriticDepth = v }, min: 1)
        .Float("dropout", "dropout probability in the critic", o => o.Dropout, (o, v) => o with { Dropout = v })
        .Int("pac", "rows per critic input (PacGAN); the batch size must be a multiple of it", o => o.Pac, (o, v) => o with { Pac = v }, min: 1)
        .Enum("softmax", "activation of categorical and mode blocks", o => o.Softmax, (o, v) => o with { Softmax = v })
        .Float("temperature", "Gumbel-softmax temperature τ", o => o.Temperature, (o, v) => o with { Temperature = v }, positive: true)
        .Include(AdamOptions.Schema, o => o.Adam, (o, v) => o with { Adam = v })
        .Double("weight-decay", "Adam's L2 weight decay", o => o.WeightDecay, (o, v) => o with { WeightDecay = v })
        .Int("critic-steps", "critic updates per generator update (n_critic)", o => o.CriticSteps, (o, v) => o with { CriticSteps = v }, min: 1);

    public static OptionSchema<TableGanOptions> WganGpSchema { get; } = new OptionSchema<TableGanOptions>()
        .Include(Schema, o => o, (_, v) => v)
        .Float("lambda", "weight λ of the gradient penalty", o => o.Lambda, (o, v) => o with { Lambda = v });
}

/// <summary>
/// CTGAN's networks for tables (Xu et al. 2019, https://arxiv.org/abs/1907.00503) with the class
/// of a target column as an exact condition: G gets [z | onehot(class) | conditional vector] and
/// outputs per block tanh or softmax; the critic scores PacGAN packs of [row | onehot(class) |
/// conditional vector]. <c>table-wgan-gp</c> trains them with WGAN-GP (penalty on the packs),
/// <c>table-gan</c> with the plain GAN loss (the baseline of the survey seed). G's loss adds the
/// cross-entropy between its logits and the category its conditional vector asked for.
/// </summary>
public sealed class TableWganGp : GanModel
{
    private readonly TableGanOptions _options;
    private readonly TableSpec _table;
    private readonly TableConditionVector _vector;
    private readonly TableGenerator _g;
    private readonly TableCritic _d;
    private readonly Adam _optG;
    private readonly Adam _optD;

    public static ModelEntry<TableGanOptions> Entry { get; } = new("table-wgan-gp",
        "CTGAN-style table WGAN-GP: residual MLP with softmax blocks, conditional vector, PacGAN (pac 10), lambda 10, exact class sampling",
        [Modality.Table], TableGanOptions.WganGpSchema, new(), (s, o, r) => new TableWganGp((TableSpec)s, o, r));

    public static ModelEntry<TableGanOptions> GanEntry { get; } = new("table-gan",
        "table-wgan-gp's networks with the plain non-saturating GAN loss (BCE), no penalty: the baseline",
        [Modality.Table], TableGanOptions.Schema, new() { Loss = TableGanLoss.NonSaturating }, (s, o, r) => new TableWganGp((TableSpec)s, o, r));

    public TableWganGp(TableSpec spec, TableGanOptions options, Rng rng) : base(spec, rng.Split())
    {
        TableActivation.CheckBlocks(spec);
        _options = options;
        _table = spec;
        _vector = new TableConditionVector(spec);
        var init = rng.Split();
        var condition = spec.ClassCount + _vector.Width;
        _g = new TableGenerator(options.LatentDim + condition, options.GeneratorWidth, options.GeneratorDepth, spec.Width, init);
        _d = new TableCritic(spec.Width + condition, options.Pac, options.CriticWidth, options.CriticDepth, options.Dropout, init, Rng);
        _optG = new Adam(_g.Parameters(), lr: options.Adam.LearningRate, beta1: options.Adam.Beta1, beta2: options.Adam.Beta2, weightDecay: options.WeightDecay);
        _optD = new Adam(_d.Parameters(), lr: options.Adam.LearningRate, beta1: options.Adam.Beta1, beta2: options.Adam.Beta2, weightDecay: options.WeightDecay);
    }

    public override string Name => _options.Loss == TableGanLoss.Wasserstein ? "table-wgan-gp" : "table-gan";
    public override object Options => _options;
    public override int LatentDim => _options.LatentDim;
    public override ConditionKind Conditioning => Spec.ClassCount > 0 ? ConditionKind.Labels : ConditionKind.None;
    public override int CriticSteps => _options.CriticSteps;
    protected override Module Generator => _g;

    /// <summary>The conditional vector over the table's discrete columns.</summary>
    public TableConditionVector Vector => _vector;

    /// <summary>Checks the pac rule before training starts (the trainer asks this first).</summary>
    public override int RealPerStep(int batchSize) =>
        batchSize % _options.Pac == 0 ? batchSize : throw new ArgumentException($"model '{Name}': {TableCritic.PacMessage(batchSize, _options.Pac)}");

    public override IEnumerable<(string Name, Module Module)> Networks() => [("generator", _g), ("discriminator", _d)];

    public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [("opt_g", _optG), ("opt_d", _optD)];

    public override StepLosses CriticStep(RealBatch real)
    {
        // ---- Training-by-sampling: a condition per row, and a real row that meets it ----
        var draw = _vector.Draw(real, RealPerStep(real.Count), Rng);
        var condition = ConditionColumns(draw.Labels, draw.Options);
        var realRows = real.X.IndexSelect(0, draw.Rows);
        Tensor fake;
        using (Autograd.NoGrad()) fake = Forward(Noise(draw.Count), condition, draw.Labels).Rows;
        var realPacks = _d.Pack(Tensor.Concat([realRows, condition], 1));
        var fakePacks = _d.Pack(Tensor.Concat([Judged(fake, draw.Labels), condition], 1));
        var scoreReal = _d.Call(realPacks);
        var scoreFake = _d.Call(fakePacks);
        if (_options.Loss == TableGanLoss.Wasserstein)
        {
            // ---- Critic: Wasserstein estimate plus the penalty at interpolates of whole packs ----
            var wasserstein = scoreReal.Mean() - scoreFake.Mean();
            var penalty = GradientPenalty.Compute(_d.Call, realPacks, fakePacks, Rng, _options.Lambda);
            var d = Update(_optD, penalty - wasserstein);
            return new StepLosses().Add("d", d).Add("wasserstein", wasserstein.Item()).Add("gp", penalty.Item());
        }
        // ---- Discriminator: BCE on real packs (1) and fake packs (0) ----
        var dReal = Losses.BinaryCrossEntropyWithLogits(scoreReal, Tensor.OnesLike(scoreReal));
        var dFake = Losses.BinaryCrossEntropyWithLogits(scoreFake, Tensor.ZerosLike(scoreFake));
        Update(_optD, dReal + dFake);
        return new StepLosses().Add("d_real", dReal.Item()).Add("d_fake", dFake.Item());
    }

    public override StepLosses GeneratorStep(RealBatch real, int batchSize)
    {
        // ---- Generator: fool the critic under drawn conditions, and honour the conditional vector ----
        var draw = _vector.Draw(real, RealPerStep(batchSize), Rng);
        var condition = ConditionColumns(draw.Labels, draw.Options);
        var (logits, fake) = Forward(Noise(draw.Count), condition, draw.Labels);
        var score = _d.Call(_d.Pack(Tensor.Concat([Judged(fake, draw.Labels), condition], 1)));
        var adversarial = _options.Loss == TableGanLoss.Wasserstein
            ? -score.Mean()
            : Losses.BinaryCrossEntropyWithLogits(score, Tensor.OnesLike(score));
        var conditionPenalty = _vector.Penalty(logits, draw.Options);
        var g = Update(_optG, adversarial + conditionPenalty);
        return new StepLosses().Add("g", g).Add("g_adv", adversarial.Item()).Add("g_cond", conditionPenalty.Item());
    }

    // ---- Sampling ----

    /// <summary>
    /// <paramref name="count"/> encoded rows [count, W] of the classes <paramref name="labels"/>
    /// (uniform when null), every one with the category of each discrete column that
    /// <paramref name="where"/> names.
    /// </summary>
    public Tensor Sample(int count, int[]? labels, IReadOnlyList<(string Column, string Category)>? where, Rng rng) =>
        Sample(count, rng, new TableCondition(labels ?? (Spec.ClassCount > 0 ? RandomLabels(count, rng) : new int[count]), where));

    /// <summary>The noise of one row: z ~ N(0, 1), followed for Gumbel-softmax by its uniforms [N, W].</summary>
    protected override Tensor NoiseFrom(Rng rng, int count)
    {
        var z = Tensor.Randn(rng, [count, LatentDim]);
        return _options.Softmax == TableSoftmax.GumbelSoftmax ? Tensor.Concat([z, Tensor.Rand(rng, [count, _table.Width])], 1) : z;
    }

    protected override Tensor RunGenerator(Tensor z, Condition condition)
    {
        var (labels, options) = condition switch
        {
            TableCondition c => (c.Labels, c.Where is { Count: > 0 } where ? _vector.Indices(where) : []),
            LabelCondition c => (c.Labels, []),
            _ => (new int[z.Size(0)], Array.Empty<int>()),
        };
        var vector = options.Length == 0 ? _vector.Encode([.. Enumerable.Repeat(-1, labels.Length)]) : _vector.Encode(labels.Length, options);
        var conditionColumns = Spec.ClassCount > 0 ? Tensor.Concat([Tensor.OneHot(labels, Spec.ClassCount), vector], 1) : vector;
        var rows = Forward(z, conditionColumns, labels).Rows;
        // NOTE: G was asked for each category through its conditional vector (and its penalty
        // makes it agree); the blocks are then set to them so that every row meets `where`
        // exactly. Training sets one bit per row, so several `where` columns ask G for a vector
        // it never saw in training: the rows are exact, their other columns less tested.
        return options.Length == 0 ? rows : rows * Keep(options) + Hot(options);
    }

    /// <summary>
    /// G in ONNX: noise (z, then the Gumbel uniforms when the model uses them), the label (a
    /// labelled table) and the conditional vector ("condition": zeros for no category, 1 at the
    /// position of each asked category); the asked categories' blocks are then set to them, as
    /// <see cref="RunGenerator"/> does. The output is the encoded row; "data" in the metadata
    /// holds the layout that decodes it to columns.
    /// </summary>
    public override GeneratorOnnx OnnxGenerator()
    {
        var gumbel = _options.Softmax == TableSoftmax.GumbelSoftmax;
        var noise = GeneratorInput.Noise(LatentDim + (gumbel ? _table.Width : 0),
            gumbel ? $"N(0, 1) for the first {LatentDim} columns and U(0, 1) for the next {_table.Width} (the Gumbel-softmax uniforms)" : "N(0, 1)");
        var label = GeneratorInput.Label(Spec.ClassCount, c => c is TableCondition t ? t.Labels : ((LabelCondition)c).Labels);
        // A table without discrete columns has an empty conditional vector, and no such input.
        var vector = new GeneratorInput("condition", OnnxType.Float, [_vector.Width],
            "CTGAN conditional vector: 0 everywhere except 1 at the asked category of each --where column (condition_slots in the metadata)",
            (z, c) => GeneratorFeed.Floats("condition", ConditionVector(z.Size(0), c)));
        GeneratorInput[] inputs = [noise, .. Spec.ClassCount > 0 ? [label] : Array.Empty<GeneratorInput>(), .. _vector.Width > 0 ? [vector] : Array.Empty<GeneratorInput>()];
        return new(inputs, (graph, names) =>
        {
            var condition = _vector.Width > 0 ? names[^1] : null;
            var z = gumbel ? TableActivation.Columns(graph, names[0], 0, LatentDim) : names[0];
            string[] parts = [z, .. Spec.ClassCount > 0 ? [OnnxBlocks.OneHot(graph, names[1], Spec.ClassCount)] : Array.Empty<string>(), .. condition is null ? Array.Empty<string>() : [condition]];
            var logits = new OnnxModuleExporter(graph, "generator", _g).Apply(_g, OnnxBlocks.ConcatLast(graph, parts));
            var uniforms = gumbel ? TableActivation.Columns(graph, names[0], LatentDim, _table.Width) : null;
            var rows = TableActivation.ExportOnnx(graph, logits, _table, uniforms, _options.Temperature);
            return condition is null ? rows : WhereOverride(graph, rows, condition);
        }, [new("condition_slots", System.Text.Json.JsonSerializer.Serialize(_vector.Slots))]);
    }

    /// <summary>
    /// The blocks of the asked categories set to them, as <see cref="RunGenerator"/> does, in ONNX:
    /// rows·(1 − c·M) + c·H, where M spreads an asked category over its column's block and H puts
    /// a 1 at its own position (c is 0 or 1, one bit per column: exact).
    /// </summary>
    private string WhereOverride(NN.Onnx.OnnxGraph graph, string rows, string condition)
    {
        var (width, options) = (_table.Width, _vector.Width);
        var (mask, hot) = (new float[options * width], new float[options * width]);
        for (var option = 0; option < options; option++)
        {
            var slot = _vector.SlotOf(option);
            for (var k = 0; k < slot.Width; k++) mask[option * width + slot.RowOffset + k] = 1f;
            hot[option * width + slot.RowOffset + option - slot.VectorOffset] = 1f;
        }
        var keep = graph.Node("Sub", [graph.Constant("one", [1f]), graph.Node("MatMul", [condition, graph.Constant("where_mask", mask, options, width)])]);
        return graph.Node("Add", [graph.Node("Mul", [rows, keep]), graph.Node("MatMul", [condition, graph.Constant("where_hot", hot, options, width)])]);
    }

    /// <summary>The conditional vector <see cref="RunGenerator"/> gives G under <paramref name="condition"/>.</summary>
    private Tensor ConditionVector(int count, Condition condition) =>
        condition is TableCondition { Where: { Count: > 0 } where } ? _vector.Encode(count, _vector.Indices(where)) : Tensor.Zeros(count, _vector.Width);

    /// <summary>G's logits and activated rows for noise <paramref name="z"/> and condition columns.</summary>
    private (Tensor Logits, Tensor Rows) Forward(Tensor z, Tensor condition, int[] labels)
    {
        var n = z.Size(0);
        var logits = _g.Call(Tensor.Concat([z.Narrow(1, 0, LatentDim), condition], 1));
        var uniforms = _options.Softmax == TableSoftmax.GumbelSoftmax ? z.Narrow(1, LatentDim, _table.Width) : null;
        var rows = TableActivation.Apply(logits, _table, uniforms, _options.Temperature);
        ConditionAudit.Generated(rows, Condition.Of(labels));
        return (logits, rows);
    }

    /// <summary>[onehot(class) | conditional vector] per row.</summary>
    private Tensor ConditionColumns(int[] labels, int[] options) =>
        Spec.ClassCount > 0 ? Tensor.Concat([Tensor.OneHot(labels, Spec.ClassCount), _vector.Encode(options)], 1) : _vector.Encode(options);

    /// <summary>[1, W]: 0 over the blocks of the conditioned columns, 1 elsewhere.</summary>
    private Tensor Keep(int[] options)
    {
        var keep = Tensor.Ones(1, _table.Width);
        foreach (var option in options)
        {
            var slot = _vector.SlotOf(option);
            keep.AsSpan().Slice(slot.RowOffset, slot.Width).Clear();
        }
        return keep;
    }

    /// <summary>[1, W]: the one-hot of each asked category in its column's block.</summary>
    private Tensor Hot(int[] options)
    {
        var hot = Tensor.Zeros(1, _table.Width);
        foreach (var option in options)
        {
            var slot = _vector.SlotOf(option);
            hot.AsSpan()[slot.RowOffset + option - slot.VectorOffset] = 1f;
        }
        return hot;
    }
}
