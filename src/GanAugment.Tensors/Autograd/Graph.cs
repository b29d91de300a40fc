namespace GanAugment.Tensors;

/// <summary>How an op records itself: only under grad mode and when an input requires grad.</summary>
internal static class Graph
{
    public static bool ShouldRecord(Tensor a) => Autograd.IsEnabled && a.RequiresGrad;

    public static bool ShouldRecord(Tensor a, Tensor b) => Autograd.IsEnabled && (a.RequiresGrad || b.RequiresGrad);

    public static bool ShouldRecord(IReadOnlyList<Tensor> inputs)
    {
        if (!Autograd.IsEnabled) return false;
        foreach (var t in inputs) if (t.RequiresGrad) return true;
        return false;
    }

    /// <summary>Whether a backward rule should compute the gradient of input <paramref name="x"/> in the pass being run.</summary>
    public static bool Wants(Tensor x) => x.RequiresGrad && GraphRunner.Needs(x);

    /// <summary>Attaches a node to <paramref name="output"/> when recording is on; returns the output.</summary>
    public static Tensor Record(Tensor output, string name, Tensor[] inputs, BackwardFn backward, AccumulateFn? accumulate = null)
    {
        if (!ShouldRecord(inputs)) return output;
        output.GradFn = new Node(name, inputs, backward, accumulate);
        output.MarkRequiresGrad();
        return output;
    }
}
