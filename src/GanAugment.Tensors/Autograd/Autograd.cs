namespace GanAugment.Tensors;

/// <summary>
/// Reverse-mode automatic differentiation, shaped like <c>torch.autograd</c>: a scoped grad mode,
/// <see cref="Backward"/> into the leaves' <c>Grad</c>, and <see cref="Grad"/> returning
/// gradients, with <c>createGraph</c> for gradients of gradients (the WGAN-GP penalty).
/// </summary>
public static class Autograd
{
    // NOTE: thread-static like PyTorch's grad mode, and only changed through GradModeScope.
    [ThreadStatic] private static bool t_disabled;

    /// <summary>Whether ops performed now on this thread are recorded for differentiation.</summary>
    public static bool IsEnabled => !t_disabled;

    internal static void SetEnabled(bool enabled) => t_disabled = !enabled;

    /// <summary><c>using (Autograd.NoGrad()) { ... }</c>: ops inside record no graph.</summary>
    public static GradModeScope NoGrad() => new(enabled: false);

    /// <summary>Turns recording back on inside a <see cref="NoGrad"/> scope.</summary>
    public static GradModeScope EnableGrad() => new(enabled: true);

    /// <summary>
    /// Accumulates d<paramref name="output"/>/d(leaf) into every leaf's <c>Grad</c>. A non-scalar
    /// output needs <paramref name="gradOutput"/>. The graph is released unless
    /// <paramref name="retainGraph"/> (or <paramref name="createGraph"/>) is set.
    /// </summary>
    public static void Backward(Tensor output, Tensor? gradOutput = null, bool retainGraph = false, bool createGraph = false)
    {
        if (!output.RequiresGrad)
            throw new InvalidOperationException("Backward() was called on a tensor that does not require grad (no trainable input, or made under NoGrad)");
        var seed = SeedGradient(output, gradOutput);
        GraphRunner.Run([output], [seed], targets: null, retainGraph || createGraph, createGraph);
    }

    /// <summary>
    /// Accumulates d<paramref name="output"/>/d(leaf) into the <c>Grad</c> of the given leaves only,
    /// like <c>loss.backward(inputs=...)</c> in PyTorch: gradients of other leaves (a critic's weights
    /// during the generator's update) are neither computed nor stored, so nothing needs freezing.
    /// </summary>
    public static void Backward(Tensor output, IReadOnlyList<Tensor> inputs, Tensor? gradOutput = null)
    {
        if (!output.RequiresGrad)
            throw new InvalidOperationException("Backward() was called on a tensor that does not require grad (no trainable input, or made under NoGrad)");
        foreach (var x in inputs)
            if (!x.IsLeaf || !x.RequiresGrad) throw new InvalidOperationException("Backward(inputs) takes leaves that require grad");
        GraphRunner.Run([output], [SeedGradient(output, gradOutput)], inputs, retainGraph: false, createGraph: false, intoLeaves: true);
    }

    /// <summary>
    /// The gradients of the sum of <paramref name="outputs"/> (each weighted by its gradOutput)
    /// with respect to <paramref name="inputs"/>, like <c>torch.autograd.grad</c>; leaves' Grad are
    /// untouched. With <paramref name="createGraph"/> the results are differentiable.
    /// </summary>
    public static Tensor?[] Grad(
        IReadOnlyList<Tensor> outputs,
        IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor?>? gradOutputs = null,
        bool? retainGraph = null,
        bool createGraph = false,
        bool allowUnused = false)
    {
        if (gradOutputs is not null && gradOutputs.Count != outputs.Count)
            throw new ArgumentException($"{gradOutputs.Count} gradOutputs given for {outputs.Count} outputs");
        var seeds = new Tensor[outputs.Count];
        for (var i = 0; i < outputs.Count; i++)
        {
            if (!outputs[i].RequiresGrad)
                throw new InvalidOperationException($"output {i} does not require grad");
            seeds[i] = SeedGradient(outputs[i], gradOutputs?[i]);
        }
        foreach (var x in inputs)
            if (!x.RequiresGrad) throw new InvalidOperationException("an input of Grad() does not require grad");
        var result = GraphRunner.Run(outputs, seeds, inputs, retainGraph ?? createGraph, createGraph)!;
        if (!allowUnused)
            for (var i = 0; i < result.Length; i++)
                if (result[i] is null)
                    throw new InvalidOperationException($"input {i} of Grad() is not used by the outputs; pass allowUnused: true");
        return result;
    }

    private static Tensor SeedGradient(Tensor output, Tensor? gradOutput)
    {
        if (gradOutput is null)
        {
            if (output.Numel != 1)
                throw new InvalidOperationException($"a gradient must be given for a non-scalar output of shape {ShapeUtil.Format(output.Shape)}");
            return Tensor.OnesLike(output);
        }
        if (!ShapeUtil.SameShape(gradOutput.Shape, output.Shape))
            throw new ArgumentException($"gradient of shape {ShapeUtil.Format(gradOutput.Shape)} does not match output shape {ShapeUtil.Format(output.Shape)}");
        return gradOutput;
    }
}
