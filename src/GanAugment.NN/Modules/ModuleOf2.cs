namespace GanAugment.NN;

/// <summary>A module with a typed forward of one input (TorchSharp's <c>Module&lt;T, TResult&gt;</c>).</summary>
public abstract class Module<TIn, TOut> : Module
{
    /// <summary>The computation of this module. Call it through <see cref="Call"/>.</summary>
    public abstract TOut Forward(TIn input);

    /// <summary>Runs <see cref="Forward"/> (PyTorch's <c>module(x)</c>).</summary>
    public TOut Call(TIn input) => Forward(input);
}
