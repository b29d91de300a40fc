using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// One step of a long short-term memory cell (Hochreiter and Schmidhuber 1997; PyTorch
/// <c>nn.LSTMCell</c>), gates in PyTorch's order i, f, g, o:
/// [i f g o] = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh; i, f, o = σ(·), g = tanh(·);
/// c' = f·c + i·g; h' = o·tanh(c'). All weights and biases start U(±1/√hidden) as PyTorch.
/// </summary>
public sealed class LSTMCell : Module<Tensor, (Tensor H, Tensor C), (Tensor H, Tensor C)>
{
    public LSTMCell(int inputSize, int hiddenSize, Rng rng, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (inputSize < 1 || hiddenSize < 1)
            throw new ArgumentOutOfRangeException(nameof(inputSize), $"LSTM cell needs positive sizes, got input {inputSize}, hidden {hiddenSize}");
        var bound = 1f / MathF.Sqrt(hiddenSize);
        WeightIh = new Parameter(Tensor.Rand(rng, [4 * hiddenSize, inputSize], -bound, bound));
        WeightHh = new Parameter(Tensor.Rand(rng, [4 * hiddenSize, hiddenSize], -bound, bound));
        if (bias)
        {
            BiasIh = new Parameter(Tensor.Rand(rng, [4 * hiddenSize], -bound, bound));
            BiasHh = new Parameter(Tensor.Rand(rng, [4 * hiddenSize], -bound, bound));
        }
    }

    public int InputSize => WeightIh.Size(1);

    public int HiddenSize => WeightHh.Size(1);

    /// <summary>[4·hidden, input], rows in gate order i, f, g, o.</summary>
    public Parameter WeightIh { get; }

    /// <summary>[4·hidden, hidden].</summary>
    public Parameter WeightHh { get; }

    public Parameter? BiasIh { get; }

    public Parameter? BiasHh { get; }

    /// <summary>One step from x [N, input] and state (h, c), each [N, hidden]; returns the new (h, c).</summary>
    public override (Tensor H, Tensor C) Forward(Tensor input, (Tensor H, Tensor C) state)
    {
        if (input.Rank != 2 || input.Size(1) != InputSize)
            throw new ArgumentException($"LSTMCell({InputSize}, {HiddenSize}) expects input [N, {InputSize}], got shape {ShapeUtil.Format(input.Shape)}");
        return Step(ProjectInput(input), state);
    }

    /// <summary>x·W_ihᵀ + b_ih for inputs [..., input]: the part of the gates that does not depend on the state.</summary>
    internal Tensor ProjectInput(Tensor input) => Functional.Linear(input, WeightIh, BiasIh);

    /// <summary>One step from the projected input [N, 4·hidden] (see <see cref="ProjectInput"/>).</summary>
    internal (Tensor H, Tensor C) Step(Tensor inputGates, (Tensor H, Tensor C) state)
    {
        var (h, c) = state;
        int n = inputGates.Size(0), hidden = HiddenSize;
        var expected = new[] { n, hidden };
        if (!h.Shape.SequenceEqual(expected) || !c.Shape.SequenceEqual(expected))
            throw new ArgumentException($"LSTM state must be [{n}, {hidden}], got h {ShapeUtil.Format(h.Shape)} and c {ShapeUtil.Format(c.Shape)}");
        var gates = inputGates + Functional.Linear(h, WeightHh, BiasHh);
        var i = gates.Narrow(1, 0, hidden).Sigmoid();
        var f = gates.Narrow(1, hidden, hidden).Sigmoid();
        var g = gates.Narrow(1, 2 * hidden, hidden).Tanh();
        var o = gates.Narrow(1, 3 * hidden, hidden).Sigmoid();
        var cNext = f * c + i * g;
        var hNext = o * cNext.Tanh();
        return (hNext, cNext);
    }
}
