namespace GanAugment.NN;

/// <summary>A module with a typed forward of two inputs, for example noise and labels of a conditional generator.</summary>
public abstract class Module<T1, T2, TOut> : Module
{
    /// <summary>The computation of this module. Call it through <see cref="Call"/>.</summary>
    public abstract TOut Forward(T1 input1, T2 input2);

    /// <summary>Runs <see cref="Forward"/> (PyTorch's <c>module(x, y)</c>).</summary>
    public TOut Call(T1 input1, T2 input2) => Forward(input1, input2);
}
