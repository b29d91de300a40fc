using System.Globalization;
using GanAugment.NN.Checkpoints;
using GanAugment.Tensors;

namespace GanAugment.NN.Optim;

/// <summary>
/// Base of the gradient-descent optimizers, shaped like PyTorch's <c>torch.optim.Optimizer</c>
/// with one parameter group. <see cref="Step"/> updates, in place and outside any graph, every
/// parameter whose <c>Grad</c> is set (parameters without a gradient are skipped and keep their
/// state); <see cref="ZeroGrad"/> clears the gradients; <see cref="StateDict"/> and
/// <see cref="LoadStateDict"/> save and restore the hyper-parameters and per-parameter state so
/// that a resumed run continues bit for bit. Parameters are identified by their position in the
/// list given to the constructor, as in PyTorch.
/// </summary>
public abstract class Optimizer
{
    private const string LearningRateKey = "lr";
    private const string ParamCountKey = "param_count";

    private readonly Parameter[] _parameters;
    private ParameterState?[] _states;
    private readonly float[][] _scratch = [[], []];
    private double _learningRate;

    private protected Optimizer(IEnumerable<Parameter> parameters, double lr)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.ToArray();
        var seen = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i] is null) throw new ArgumentException($"parameter {i} is null", nameof(parameters));
            if (!seen.Add(_parameters[i])) throw new ArgumentException($"parameter {i} appears more than once", nameof(parameters));
        }
        _states = new ParameterState?[_parameters.Length];
        LearningRate = lr;
    }

    /// <summary>The parameters updated by <see cref="Step"/>, in the order given.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>The step size γ; settable between steps for schedules.</summary>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = HyperParameters.NonNegative(value, "lr");
    }

    /// <summary>Names of the per-parameter buffers the current settings use, in buffer order.</summary>
    private protected abstract string[] BufferNames { get; }

    /// <summary>Applies one update to <paramref name="param"/>; <paramref name="state"/>.Step is already t.</summary>
    private protected abstract void Update(Span<float> param, ReadOnlySpan<float> grad, ParameterState state);

    /// <summary>Adds the hyper-parameters other than the learning rate to <paramref name="into"/>.</summary>
    private protected abstract void WriteHyperParameters(IDictionary<string, double> into);

    /// <summary>Checks all values first, then sets them; throws ArgumentException on a bad value.</summary>
    private protected abstract void ReadHyperParameters(IReadOnlyDictionary<string, double> values);

    /// <summary>Performs one optimization step on every parameter that has a gradient.</summary>
    public void Step()
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            if (p.Grad is not { } grad) continue;
            if (!grad.Shape.SequenceEqual(p.Shape))
                throw new InvalidOperationException(
                    $"parameter {i}: gradient of shape {FormatShape(grad.Shape)} does not match the parameter's shape {FormatShape(p.Shape)}");
            var state = _states[i] ??= NewState(p.Numel);
            state.Step++;
            Update(p.AsSpan(), grad.AsSpan(), state);
        }
    }

    /// <summary>
    /// Clears the gradients: sets them to null (PyTorch's default <c>set_to_none=True</c>), or
    /// fills them with zeros when <paramref name="setToNone"/> is false. Set to null, a gradient's
    /// storage is reused by the next backward pass (<see cref="Parameter.ReleaseGrad"/>), so the
    /// old gradient tensors must not be read afterwards.
    /// </summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var p in _parameters)
        {
            if (p.Grad is not { } grad) continue;
            if (setToNone) p.ReleaseGrad();
            // A gradient that is part of a graph (createGraph) must not be overwritten in place.
            else if (grad.IsLeaf && !grad.RequiresGrad) grad.AsSpan().Clear();
            else p.Grad = Tensor.Zeros(p.ShapeArray);
        }
    }

    /// <summary>A copy of the hyper-parameters and of every parameter's state (see <see cref="OptimizerState"/>).</summary>
    public OptimizerState StateDict()
    {
        var scalars = new Dictionary<string, double>
        {
            [LearningRateKey] = LearningRate,
            [ParamCountKey] = _parameters.Length,
        };
        WriteHyperParameters(scalars);
        var tensors = new Dictionary<string, Tensor>();
        var names = BufferNames;
        for (var i = 0; i < _states.Length; i++)
        {
            if (_states[i] is not { } state) continue;
            scalars[StepKey(i)] = state.Step;
            for (var b = 0; b < names.Length; b++)
            {
                var t = Tensor.Zeros(_parameters[i].ShapeArray);
                state.Buffers[b].AsSpan().CopyTo(t.AsSpan());
                tensors[BufferKey(i, names[b])] = t;
            }
        }
        return new OptimizerState(tensors, scalars);
    }

    /// <summary>
    /// Restores hyper-parameters and per-parameter state saved by <see cref="StateDict"/> of an
    /// optimizer of the same kind over parameters of the same shapes. Nothing changes if the
    /// state does not fit; the <see cref="CheckpointException"/> says why in one line.
    /// </summary>
    public void LoadStateDict(OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var kind = GetType().Name;
        var expected = new Dictionary<string, double>();
        WriteHyperParameters(expected);
        expected[LearningRateKey] = LearningRate;
        expected[ParamCountKey] = _parameters.Length;

        var steps = new Dictionary<int, long>();
        foreach (var (key, value) in state.Scalars)
        {
            if (expected.ContainsKey(key)) continue;
            if (ParseStateKey(key) is not ({ } index, "step"))
                throw new CheckpointException($"{kind} state: unknown entry '{key}'");
            if (!(value >= 1 && value <= 9007199254740992d && Math.Floor(value) == value))
                throw new CheckpointException($"{kind} state: '{key}' must be a whole number >= 1, got {value}");
            steps[index] = (long)value;
        }
        foreach (var key in expected.Keys)
            if (!state.Scalars.ContainsKey(key))
                throw new CheckpointException($"{kind} state: missing '{key}' (saved by a different optimizer?)");
        if (state.Scalars[ParamCountKey] != _parameters.Length)
            throw new CheckpointException($"{kind} state: saved for {state.Scalars[ParamCountKey]} parameters, this optimizer has {_parameters.Length}");

        var oldHyper = new Dictionary<string, double>();
        WriteHyperParameters(oldHyper);
        var oldLearningRate = LearningRate;
        try
        {
            LearningRate = state.Scalars[LearningRateKey];
            ReadHyperParameters(state.Scalars);
            _states = BuildStates(state.Tensors, steps, kind);
        }
        catch (ArgumentException e)
        {
            Rollback(oldHyper, oldLearningRate);
            throw new CheckpointException($"{kind} state: {e.Message}", e);
        }
        catch (CheckpointException)
        {
            Rollback(oldHyper, oldLearningRate);
            throw;
        }
    }

    private void Rollback(Dictionary<string, double> hyper, double learningRate)
    {
        ReadHyperParameters(hyper);
        LearningRate = learningRate;
    }

    private ParameterState?[] BuildStates(IReadOnlyDictionary<string, Tensor> tensors, Dictionary<int, long> steps, string kind)
    {
        var names = BufferNames;
        var states = new ParameterState?[_parameters.Length];
        foreach (var (index, step) in steps)
        {
            if (index >= _parameters.Length)
                throw new CheckpointException($"{kind} state: 'state.{index}.step' but there are only {_parameters.Length} parameters");
            var buffers = new float[names.Length][];
            for (var b = 0; b < names.Length; b++)
            {
                var key = BufferKey(index, names[b]);
                if (!tensors.TryGetValue(key, out var t))
                    throw new CheckpointException($"{kind} state: missing tensor '{key}'");
                if (!t.Shape.SequenceEqual(_parameters[index].Shape))
                    throw new CheckpointException(
                        $"{kind} state: '{key}' has shape {FormatShape(t.Shape)}, parameter {index} has shape {FormatShape(_parameters[index].Shape)}");
                buffers[b] = t.ToArray();
            }
            states[index] = new ParameterState(step, buffers);
        }
        foreach (var key in tensors.Keys)
            if (ParseStateKey(key) is not ({ } i, { } name) || !steps.ContainsKey(i) || Array.IndexOf(names, name) < 0)
                throw new CheckpointException($"{kind} state: unexpected tensor '{key}'");
        return states;
    }

    /// <summary>A scratch buffer of <paramref name="length"/> floats (two are available, 0 and 1).</summary>
    private protected Span<float> Scratch(int which, int length)
    {
        if (_scratch[which].Length < length) _scratch[which] = new float[length];
        return _scratch[which].AsSpan(0, length);
    }

    private ParameterState NewState(int numel)
    {
        var names = BufferNames;
        var buffers = new float[names.Length][];
        for (var b = 0; b < buffers.Length; b++) buffers[b] = new float[numel];
        return new ParameterState(0, buffers);
    }

    private static string StepKey(int index) => BufferKey(index, "step");

    private static string BufferKey(int index, string name) => $"state.{index.ToString(CultureInfo.InvariantCulture)}.{name}";

    /// <summary>Splits "state.{i}.{name}" (i written canonically), or returns (null, null).</summary>
    private static (int? Index, string? Name) ParseStateKey(string key)
    {
        const string prefix = "state.";
        if (!key.StartsWith(prefix, StringComparison.Ordinal)) return (null, null);
        var dot = key.IndexOf('.', prefix.Length);
        if (dot < 0 || dot == key.Length - 1) return (null, null);
        var digits = key[prefix.Length..dot];
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index.ToString(CultureInfo.InvariantCulture) != digits)
            return (null, null);
        return (index, key[(dot + 1)..]);
    }

    private static string FormatShape(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";
}
