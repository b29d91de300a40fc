namespace GanAugment.NN;

/// <summary>
/// One layer call of a <see cref="ModuleSummary"/>.
/// </summary>
/// <param name="Name">The layer's dotted path from the root, as in <see cref="Module.NamedModules"/> ("" for the root itself).</param>
/// <param name="Type">The layer's class name without generic arity ("Linear").</param>
/// <param name="OutputShapes">The shape of every tensor the call returned, nested tuples flattened in order (an LSTM gives output, h, c).</param>
/// <param name="ParamCount">
/// Elements of the layer's parameters and buffers, its sub-modules' included, as Keras's
/// "Param #" counts weights: BatchNorm1d(256) has 1,024 (γ, β, running mean and variance).
/// </param>
/// <param name="Repeated">Whether the same layer already has an earlier row (a shared layer called twice); its weights count once.</param>
public sealed record ModuleSummaryRow(string Name, string Type, IReadOnlyList<int[]> OutputShapes, long ParamCount, bool Repeated);
