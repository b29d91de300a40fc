using System.Globalization;
using System.Text;
using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// Keras's <c>model.summary()</c> for a <see cref="Module"/>: every layer in call order with its
/// output shape and weight count, then the totals. Built from one forward pass on an example
/// input, <c>ModuleSummary.Of(generator, () => generator.Call(z))</c>, because a module does
/// not know its shapes until it runs.
/// <para>
/// Counting follows Keras: "Total params" is every element of the root's parameters and buffers
/// (each tensor once), so BatchNorm running mean and variance are in it; "Trainable" is the
/// parameters that require grad; "Non-trainable" is the rest (buffers and frozen parameters).
/// </para>
/// <para>
/// Shapes print as the engine prints them, with brackets, and with the batch as N where Keras
/// prints None: a leading dimension equal to the batch size (the leading dimension of the first
/// input the recorded calls were given) prints as N ("[N, 256]"). Choose an example batch size
/// that no other leading dimension has (an LSTM's state is [layers, N, hidden]); <see cref="Rows"/>
/// keep the shapes as they were.
/// </para>
/// </summary>
public sealed class ModuleSummary
{
    private ModuleSummary(string modelName, IReadOnlyList<ModuleSummaryRow> rows, int? batchSize, long total, long trainable)
    {
        ModelName = modelName;
        Rows = rows;
        BatchSize = batchSize;
        TotalParams = total;
        TrainableParams = trainable;
    }

    /// <summary>The root's class name.</summary>
    public string ModelName { get; }

    /// <summary>
    /// The layers in call order: every call of a module of the root's tree during which no other
    /// module of the tree was called (so a Sequential or a network class is not a row, its layers
    /// are). A layer called twice has two rows.
    /// </summary>
    public IReadOnlyList<ModuleSummaryRow> Rows { get; }

    /// <summary>The leading dimension of the first input of the pass, printed as N; null when it had none.</summary>
    public int? BatchSize { get; }

    /// <summary>Elements of all parameters and buffers of the root.</summary>
    public long TotalParams { get; }

    /// <summary>Elements of the parameters that require grad.</summary>
    public long TrainableParams { get; }

    /// <summary>Buffers (running statistics) and frozen parameters.</summary>
    public long NonTrainableParams => TotalParams - TrainableParams;

    /// <summary>
    /// Runs <paramref name="forward"/> once and records the calls of <paramref name="root"/>'s
    /// modules. The pass runs in evaluation mode and without gradient recording, so it updates
    /// no running statistics and draws no dropout masks; every module's training flag is put back
    /// afterwards. Modules outside the root's tree may be called but get no rows.
    /// </summary>
    public static ModuleSummary Of(Module root, Action forward)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(forward);
        var recorder = new CallRecorder(root);
        // Depth first, parents before children, so setting each flag back (Train recurses)
        // leaves every module as it was.
        var modes = root.Modules().Select(m => (Module: m, m.Training)).ToList();
        root.Eval();
        try
        {
            using (Autograd.NoGrad())
            using (CallRecorder.Begin(recorder))
                forward();
        }
        finally
        {
            foreach (var (m, training) in modes) m.Train(training);
        }
        var trainable = root.Parameters().Where(p => p.RequiresGrad).Sum(p => (long)p.Numel);
        return new ModuleSummary(root.GetType().Name, recorder.Rows, recorder.BatchSize, CountWeights(root), trainable);
    }

    /// <summary>The table, in Keras's layout (see <see cref="Format"/>).</summary>
    public override string ToString() => Format();

    /// <summary>
    /// A text table: "Layer (type)" as "name (Type)", "Output Shape", "Param #" (a repeated
    /// layer's weights show as "shared"), then the Total, Trainable and Non-trainable lines with
    /// thousands separators. Lines end with "\n".
    /// </summary>
    public string Format()
    {
        var cells = Rows.Select(r => (
            Layer: r.Name.Length == 0 ? r.Type : $"{r.Name} ({r.Type})",
            Shape: string.Join(", ", r.OutputShapes.Select(FormatShape)),
            Params: r.Repeated ? "shared" : Thousands(r.ParamCount))).ToList();
        const string LayerHead = "Layer (type)", ShapeHead = "Output Shape", ParamHead = "Param #";
        var layerWidth = cells.Select(c => c.Layer.Length).Prepend(LayerHead.Length).Max() + 3;
        var shapeWidth = cells.Select(c => c.Shape.Length).Prepend(ShapeHead.Length).Max() + 3;
        var paramWidth = cells.Select(c => c.Params.Length).Prepend(ParamHead.Length).Max();
        var width = layerWidth + shapeWidth + paramWidth;

        var sb = new StringBuilder();
        sb.Append("Model: \"").Append(ModelName).Append("\"\n");
        sb.Append('_', width).Append('\n');
        sb.Append(LayerHead.PadRight(layerWidth)).Append(ShapeHead.PadRight(shapeWidth)).Append(ParamHead.PadLeft(paramWidth)).Append('\n');
        sb.Append('=', width).Append('\n');
        foreach (var (layer, shape, parameters) in cells)
            sb.Append(layer.PadRight(layerWidth)).Append(shape.PadRight(shapeWidth)).Append(parameters.PadLeft(paramWidth)).Append('\n');
        sb.Append('=', width).Append('\n');
        sb.Append("Total params: ").Append(Thousands(TotalParams)).Append('\n');
        sb.Append("Trainable params: ").Append(Thousands(TrainableParams)).Append('\n');
        sb.Append("Non-trainable params: ").Append(Thousands(NonTrainableParams)).Append('\n');
        sb.Append('_', width).Append('\n');
        return sb.ToString();
    }

    /// <summary>Elements of <paramref name="module"/>'s parameters and buffers, descendants included, each tensor once.</summary>
    internal static long CountWeights(Module module) =>
        module.Parameters().Sum(p => (long)p.Numel) + module.NamedBuffers().Sum(b => (long)b.Buffer.Numel);

    private string FormatShape(int[] shape)
    {
        var dims = shape.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (dims.Length > 0 && shape[0] == BatchSize) dims[0] = "N";
        return "[" + string.Join(", ", dims) + "]";
    }

    private static string Thousands(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
