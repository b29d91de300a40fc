namespace GanAugment.Tensors;

/// <summary>
/// Gradient of one op's output with respect to each input, given the gradient of the output.
/// It is written with tensor ops, so when the graph is built under grad mode it can itself be
/// differentiated (double backward). An entry is null where that input needs no gradient.
/// </summary>
internal delegate Tensor?[] BackwardFn(Tensor gradOutput);

/// <summary>
/// Adds an op's input gradient, for output gradient <c>gradOutput</c>, into <c>into</c>, a
/// tensor of the input's shape, in place. Only for passes that build no graph.
/// </summary>
internal delegate void AccumulateFn(Tensor gradOutput, Tensor into);

/// <summary>One recorded op of the autograd graph: its inputs and its backward rule.</summary>
internal sealed class Node(string name, Tensor[] inputs, BackwardFn backward, AccumulateFn? accumulate = null)
{
    public string Name { get; } = name;

    public Tensor[] Inputs { get; } = inputs;

    /// <summary>Null once the graph is released after a backward pass without retainGraph.</summary>
    public BackwardFn? Backward { get; private set; } = backward;

    /// <summary>
    /// For a one-input op whose input gradient is mostly zeros (a slice's), the rule that adds it
    /// into a gradient already being summed, so that the pass does not build and add a whole
    /// tensor of zeros per use (an LSTM takes one slice per time step).
    /// </summary>
    public AccumulateFn? Accumulate { get; private set; } = accumulate;

    public void Release() => (Backward, Accumulate) = (null, null);
}
