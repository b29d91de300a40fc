using GanAugment.Data.Tables;
using GanAugment.Data.Tables.Encoding;
using GanAugment.Gans.Models;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tables;

/// <summary>How a <see cref="TableSynthesizer"/> fits: the model's options, CTGAN's epochs and batch, the seed.</summary>
public sealed record TableSynthesizerOptions
{
    /// <summary>The networks and loss (<see cref="TableGanOptions.Loss"/> chooses table-wgan-gp or table-gan).</summary>
    public TableGanOptions Model { get; init; } = new();

    public int Epochs { get; init; } = 300;

    /// <summary>Rows per step (CTGAN: 500); lowered to the table's rows, rounded down to a multiple of pac, on a smaller table.</summary>
    public int BatchSize { get; init; } = 500;

    public ulong Seed { get; init; }

    /// <summary>The column encoding: mode-specific normalisation, numbers clamped to the range seen in the table (issue 16).</summary>
    public TabularTransformerOptions Transformer { get; init; } = new() { ClipToSeenRange = true };

    /// <summary>Observers of the training run (progress, losses).</summary>
    public IReadOnlyList<ITrainingObserver> Observers { get; init; } = [];
}

/// <summary>
/// A table synthesizer of the shape CTGAN users know (<c>CTGAN().fit(data, discrete_columns)</c>,
/// <c>sample(n, condition)</c>), built on <see cref="TableData"/>, <see cref="TableWganGp"/> and the
/// <see cref="GanTrainer"/>:
/// <code>
/// var s = new TableSynthesizer(new() { Epochs = 300 });
/// s.Fit(table, target: "class");
/// Table bad = s.Sample(200, condition: "bad");            // 200 rows, every one of class "bad"
/// Table red = s.Sample(50, where: ("colour", "red"));     // classes as in the data, colour "red"
/// </code>
/// </summary>
public sealed class TableSynthesizer(TableSynthesizerOptions? options = null)
{
    private readonly TableSynthesizerOptions _options = options ?? new();
    private TableData? _data;
    private TableWganGp? _model;
    private Rng _sampling = new(0);

    /// <summary>The fitted model (null before <see cref="Fit"/>).</summary>
    public TableWganGp? Model => _model;

    /// <summary>The encoded training table (null before <see cref="Fit"/>).</summary>
    public TableData? Data => _data;

    /// <summary>The fitting run's outcome.</summary>
    public TrainingOutcome? Outcome { get; private set; }

    /// <summary>
    /// Fits on <paramref name="table"/>: <paramref name="target"/> (when given) becomes the exact
    /// condition of <see cref="Sample"/>; <paramref name="discreteColumns"/> names numeric columns
    /// to treat as categorical (text columns always are); null infers them
    /// (<see cref="DiscreteColumns"/>: integer columns with few values). A table that cannot be
    /// learned (a column of one value, a class of one row) is a <see cref="GanAugment.Data.DataFormatException"/>.
    /// </summary>
    public TableSynthesizer Fit(Table table, string? target = null, IReadOnlyList<string>? discreteColumns = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var source = table.Name ?? "the table";
        var (discrete, converted) = DiscreteColumns.Apply(table, discreteColumns, target, source);
        TableChecks.ForTraining(discrete, target, source);
        var data = new TableData(discrete, target, "csv", _options.Transformer, converted);
        var pac = _options.Model.Pac;
        var batch = Math.Min(_options.BatchSize, table.RowCount / pac * pac);
        if (batch < pac) throw new ArgumentException($"the table has {table.RowCount} rows, fewer than one pack of {pac}");
        var model = new TableWganGp((TableSpec)data.Spec, _options.Model, new Rng(_options.Seed));
        var trainer = new TrainerOptions { Epochs = _options.Epochs, BatchSize = batch, Seed = _options.Seed, SampleEvery = 0, CheckpointEvery = 0 };
        Outcome = new GanTrainer(model, data, trainer, null, _options.Observers).Run(cancel: cancel);
        (_data, _model, _sampling) = (data, model, new Rng(_options.Seed ^ 0x5A3F_1E07UL));
        return this;
    }

    /// <summary>
    /// <paramref name="count"/> rows in the input's columns. With <paramref name="condition"/> (a
    /// class of the target) every row has that class; without, classes follow their shares in the
    /// fitted table. <paramref name="where"/> sets one category of one discrete column in every row.
    /// </summary>
    public Table Sample(int count, string? condition = null, (string Column, string Value)? where = null) =>
        Sample(count, condition, where is { } w ? [w] : []);

    /// <summary>As <see cref="Sample(int, string?, ValueTuple{string, string}?)"/>, with one category of each of several discrete columns.</summary>
    public Table Sample(int count, string? condition, IReadOnlyList<(string Column, string Value)> where)
    {
        var model = _model ?? throw new InvalidOperationException("call Fit before Sample");
        var spec = (TableSpec)model.Spec;
        int[]? labels = null;
        if (spec.ClassCount > 0) labels = condition is null ? DrawClasses(count) : Enumerable.Repeat(ClassIndex(spec, condition), count).ToArray();
        else if (condition is not null) throw new ArgumentException($"the table was fitted without a target, so there is no class '{condition}' to sample");
        var rows = model.Sample(count, labels, where, _sampling);
        return TableData.Decode(spec, rows.AsSpan(), labels);
    }

    private static int ClassIndex(TableSpec spec, string name)
    {
        var index = spec.ClassNames.ToList().IndexOf(name);
        return index >= 0 ? index : throw new ArgumentException($"'{name}' is not a class of '{spec.Target}'; its classes: {string.Join(", ", spec.ClassNames)}");
    }

    /// <summary>Classes drawn in proportion to their counts in the fitted table.</summary>
    private int[] DrawClasses(int count)
    {
        var labels = _data!.Labels!;
        return [.. Enumerable.Range(0, count).Select(_ => labels[_sampling.NextInt(labels.Length)])];
    }
}
