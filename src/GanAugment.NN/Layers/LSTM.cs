using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// A stack of <see cref="LSTMCell"/> layers run over a sequence (PyTorch <c>nn.LSTM</c> without
/// inter-layer dropout or bidirectionality). Input [N, T, input] when <see cref="BatchFirst"/>
/// (the default here), else [T, N, input]. Returns the last layer's hidden states for every step
/// ([N, T, hidden] or [T, N, hidden]) and the final state (h, c), each [layers, N, hidden].
/// The whole unrolled sequence is one graph, so gradients flow through time. Parameters are
/// named "layers.{k}.weight_ih" and so on.
/// </summary>
public sealed class LSTM : Module<Tensor, (Tensor Output, (Tensor H, Tensor C) State)>
{
    private readonly LSTMCell[] _layers;

    public LSTM(int inputSize, int hiddenSize, Rng rng, int numLayers = 1, bool bias = true, bool batchFirst = true)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (numLayers < 1) throw new ArgumentOutOfRangeException(nameof(numLayers), $"LSTM needs at least one layer, got {numLayers}");
        _layers = new LSTMCell[numLayers];
        for (var k = 0; k < numLayers; k++) _layers[k] = new LSTMCell(k == 0 ? inputSize : hiddenSize, hiddenSize, rng, bias);
        BatchFirst = batchFirst;
    }

    public int InputSize => _layers[0].InputSize;

    public int HiddenSize => _layers[0].HiddenSize;

    public int NumLayers => _layers.Length;

    public bool BatchFirst { get; }

    /// <summary>The layer cells, bottom first.</summary>
    public IReadOnlyList<LSTMCell> Layers => _layers;

    /// <summary>Runs the sequence from a zero state.</summary>
    public override (Tensor Output, (Tensor H, Tensor C) State) Forward(Tensor input) => Forward(input, null);

    /// <summary>Runs the sequence from <paramref name="state"/> (h0, c0), each [layers, N, hidden], or zeros when null.</summary>
    public (Tensor Output, (Tensor H, Tensor C) State) Forward(Tensor input, (Tensor H, Tensor C)? state)
    {
        if (input.Rank != 3 || input.Size(2) != InputSize)
            throw new ArgumentException($"LSTM({InputSize}, {HiddenSize}) expects input {(BatchFirst ? "[N, T, " : "[T, N, ")}{InputSize}], got shape {ShapeUtil.Format(input.Shape)}");
        var timeAxis = BatchFirst ? 1 : 0;
        int steps = input.Size(timeAxis), n = input.Size(1 - timeAxis), hidden = HiddenSize;
        if (steps == 0) throw new ArgumentException("LSTM input has no time steps");
        if (state is { } s)
        {
            var expected = new[] { NumLayers, n, hidden };
            if (!s.H.Shape.SequenceEqual(expected) || !s.C.Shape.SequenceEqual(expected))
                throw new ArgumentException($"LSTM initial state must be [{NumLayers}, {n}, {hidden}], got h {ShapeUtil.Format(s.H.Shape)} and c {ShapeUtil.Format(s.C.Shape)}");
        }

        var sequence = input;
        var finalH = new Tensor[NumLayers];
        var finalC = new Tensor[NumLayers];
        for (var k = 0; k < NumLayers; k++)
        {
            var cell = _layers[k];
            var h = state is { } s0 ? s0.H.Narrow(0, k, 1).Reshape(n, hidden) : Tensor.Zeros(n, hidden);
            var c = state is { } s1 ? s1.C.Narrow(0, k, 1).Reshape(n, hidden) : Tensor.Zeros(n, hidden);
            // NOTE: the input projection of every step is one matrix product, outside the loop.
            var projected = cell.ProjectInput(sequence);
            var outputs = new Tensor[steps];
            for (var t = 0; t < steps; t++)
            {
                var gates = projected.Narrow(timeAxis, t, 1).Reshape(n, 4 * hidden);
                (h, c) = cell.Step(gates, (h, c));
                outputs[t] = h;
            }
            sequence = Tensor.Stack(outputs, timeAxis);
            finalH[k] = h;
            finalC[k] = c;
        }
        return (sequence, (Tensor.Stack(finalH), Tensor.Stack(finalC)));
    }
}
