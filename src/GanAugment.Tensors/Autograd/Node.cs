namespace GanAugment.Tensors;

/// <summary>
/// Gradient of one op's output with respect to each input, given the gradient of the output.
/// It is written with tensor ops, so when the graph is built under grad mode it can itself be
/// differentiated (double backward). An entry is null where that input needs no gradient.
/// </summary>
internal delegate Tensor?[] BackwardFn(Tensor gradOutput);

/// <summary>One recorded op of the autograd graph: its inputs and its backward rule.</summary>
internal sealed class Node(string name, Tensor[] inputs, BackwardFn backward)
{
    public string Name { get; } = name;

    public Tensor[] Inputs { get; } = inputs;

    /// <summary>Null once the graph is released after a backward pass without retainGraph.</summary>
    public BackwardFn? Backward { get; private set; } = backward;

    public void Release() => Backward = null;
}
