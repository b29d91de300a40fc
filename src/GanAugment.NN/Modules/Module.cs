using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// Base of every layer and network (PyTorch <c>nn.Module</c>). A module finds its own state by
/// reflection, so there is no registration call to forget: fields or auto-properties holding a
/// <see cref="Parameter"/> are parameters, other <see cref="Tensor"/> fields are buffers (running
/// statistics), and fields holding a <see cref="Module"/> or an array/list of modules are
/// children. Dotted names join member names in snake_case ("main.0.weight"). Layers keep no
/// activations between calls, so a discriminator may see a real and a fake batch before one
/// backward pass.
/// </summary>
public abstract class Module
{
    /// <summary>True in training mode (the default), false after <see cref="Eval"/>.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Sets training mode on this module and every descendant; returns this module.</summary>
    public Module Train(bool mode = true)
    {
        foreach (var (_, m) in NamedModules()) m.Training = mode;
        return this;
    }

    /// <summary>Evaluation mode (running statistics, no dropout) on this module and every descendant.</summary>
    public Module Eval() => Train(false);

    /// <summary>
    /// The result of <paramref name="run"/> computed in evaluation mode without a graph (PyTorch's
    /// <c>model.eval()</c> inside <c>torch.no_grad()</c>); the module's mode is restored after.
    /// </summary>
    public T Evaluated<T>(Func<T> run)
    {
        var wasTraining = Training;
        Eval();
        try
        {
            using (Autograd.NoGrad()) return run();
        }
        finally
        {
            Train(wasTraining);
        }
    }

    /// <summary>Direct children with their names. Containers (<see cref="Sequential"/>) name them by index.</summary>
    public virtual IEnumerable<(string Name, Module Module)> NamedChildren() => ModuleMembers.For(GetType()).Modules(this);

    /// <summary>This module (named "") and all descendants, depth first in declaration order, each once.</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules()
    {
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        return Walk(this, "", seen);

        static IEnumerable<(string, Module)> Walk(Module m, string prefix, HashSet<Module> seen)
        {
            if (!seen.Add(m)) yield break;
            yield return (prefix, m);
            foreach (var (name, child) in m.NamedChildren())
                foreach (var item in Walk(child, Join(prefix, name), seen))
                    yield return item;
        }
    }

    /// <summary>This module and all descendants.</summary>
    public IEnumerable<Module> Modules() => NamedModules().Select(p => p.Module);

    /// <summary>
    /// All parameters with dotted names, each tensor once (a shared parameter keeps its first
    /// name). Modules are visited depth first; a module's own tensors come before its children's, as in PyTorch.
    /// </summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters() =>
        NamedTensors().Where(p => p.Tensor is Parameter).Select(p => (p.Name, (Parameter)p.Tensor));

    /// <summary>All parameters, in the order of <see cref="NamedParameters"/>.</summary>
    public IEnumerable<Parameter> Parameters() => NamedParameters().Select(p => p.Parameter);

    /// <summary>All buffers (non-parameter tensor state such as running statistics) with dotted names.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers() => NamedTensors().Where(p => p.Tensor is not Parameter);

    /// <summary>
    /// Parameters and buffers by dotted name, in discovery order (PyTorch <c>state_dict</c>). The
    /// values are detached views sharing the module's storage; copy them to keep a snapshot.
    /// </summary>
    public OrderedDictionary<string, Tensor> StateDict()
    {
        var dict = new OrderedDictionary<string, Tensor>();
        foreach (var (name, t) in NamedTensors()) dict.Add(name, t.Detach());
        return dict;
    }

    /// <summary>
    /// Copies values from <paramref name="state"/> into this module's parameters and buffers in
    /// place (optimizers holding the parameters stay valid). A shape mismatch always throws;
    /// with <paramref name="strict"/> missing and unexpected keys throw too, all listed in one message.
    /// </summary>
    public LoadStateResult LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = NamedTensors().ToList();
        var ownNames = new HashSet<string>(own.Select(p => p.Name));
        var missing = own.Where(p => !state.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        var unexpected = state.Keys.Where(k => !ownNames.Contains(k)).ToList();
        var mismatched = new List<string>();
        foreach (var (name, t) in own)
            if (state.TryGetValue(name, out var src) && !src.Shape.SequenceEqual(t.Shape))
                mismatched.Add($"'{name}' has shape {ShapeUtil.Format(src.Shape)} in the state dict but {ShapeUtil.Format(t.Shape)} in the module");

        var problems = new List<string>(mismatched);
        if (strict && missing.Count > 0) problems.Add("missing keys: " + string.Join(", ", missing));
        if (strict && unexpected.Count > 0) problems.Add("unexpected keys: " + string.Join(", ", unexpected));
        if (problems.Count > 0)
            throw new InvalidOperationException($"cannot load state dict into {GetType().Name}: {string.Join("; ", problems)}");

        foreach (var (name, t) in own)
            if (state.TryGetValue(name, out var src))
                src.AsSpan().CopyTo(t.AsSpan());
        return new LoadStateResult(missing, unexpected);
    }

    /// <summary>
    /// Clears every parameter's gradient (sets it to null, as PyTorch's default); the storage is
    /// reused by the next backward pass (<see cref="Parameter.ReleaseGrad"/>).
    /// </summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.ReleaseGrad();
    }

    /// <summary>Freezes (false) or unfreezes (true) every parameter; returns this module.</summary>
    public Module RequiresGrad_(bool requiresGrad = true)
    {
        foreach (var p in Parameters()) p.RequiresGrad_(requiresGrad);
        return this;
    }

    /// <summary>Calls <paramref name="fn"/> on every descendant and then on this module (PyTorch <c>apply</c>).</summary>
    public Module Apply(Action<Module> fn)
    {
        foreach (var m in Modules().Reverse()) fn(m);
        return this;
    }

    public override string ToString() => GetType().Name;

    private IEnumerable<(string Name, Tensor Tensor)> NamedTensors()
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (prefix, m) in NamedModules())
            foreach (var (name, t) in ModuleMembers.For(m.GetType()).Tensors(m))
                if (seen.Add(t)) yield return (Join(prefix, name), t);
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}
