using System.Runtime.CompilerServices;

namespace GanAugment.NN;

/// <summary>A module with a typed forward of one input (TorchSharp's <c>Module&lt;T, TResult&gt;</c>).</summary>
public abstract class Module<TIn, TOut> : Module
{
    /// <summary>The computation of this module. Call it through <see cref="Call"/>.</summary>
    public abstract TOut Forward(TIn input);

    /// <summary>Runs <see cref="Forward"/> (PyTorch's <c>module(x)</c>), seen by a <see cref="ModuleSummary"/> being taken.</summary>
    public TOut Call(TIn input)
    {
        // NOTE: called for every layer of every step: one thread-static read and a branch when no
        // summary is being taken (about 1 ns over calling Forward, measured), against microseconds
        // for any layer's work. The recording path is a method of its own so that this one
        // captures nothing and allocates nothing (ModuleSummaryTests pins that).
        var recorder = CallRecorder.Active;
        return recorder is null ? Forward(input) : CallRecorded(recorder, input);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TOut CallRecorded(CallRecorder recorder, TIn input)
    {
        var token = recorder.Enter(this, input);
        var output = Forward(input);
        recorder.Exit(token, output);
        return output;
    }
}
