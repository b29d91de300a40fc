using System.Runtime.CompilerServices;

namespace GanAugment.NN;

/// <summary>A module with a typed forward of two inputs, for example noise and labels of a conditional generator.</summary>
public abstract class Module<T1, T2, TOut> : Module
{
    /// <summary>The computation of this module. Call it through <see cref="Call"/>.</summary>
    public abstract TOut Forward(T1 input1, T2 input2);

    /// <summary>Runs <see cref="Forward"/> (PyTorch's <c>module(x, y)</c>), seen by a <see cref="ModuleSummary"/> being taken.</summary>
    public TOut Call(T1 input1, T2 input2)
    {
        // NOTE: as Module<TIn, TOut>.Call: one thread-static read, no allocation, when no summary is being taken.
        var recorder = CallRecorder.Active;
        return recorder is null ? Forward(input1, input2) : CallRecorded(recorder, input1, input2);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TOut CallRecorded(CallRecorder recorder, T1 input1, T2 input2)
    {
        var token = recorder.Enter(this, input1);
        var output = Forward(input1, input2);
        recorder.Exit(token, output);
        return output;
    }
}
