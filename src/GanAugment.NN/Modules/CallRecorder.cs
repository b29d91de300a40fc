using System.Runtime.CompilerServices;
using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// Watches the <c>Call</c>s of one module tree on this thread while a <see cref="ModuleSummary"/>
/// is being taken, and keeps a row for every innermost call: a call of a module of the tree during
/// which no other module of the tree was called (a layer; containers and networks that call their
/// children are not rows). Calls of modules outside the tree are not seen.
/// </summary>
internal sealed class CallRecorder
{
    // NOTE: thread-static like the grad mode, and only set through Begin's scope. Module.Call
    // reads it once per call; when it is null nothing else happens and nothing is allocated.
    [ThreadStatic] private static CallRecorder? t_active;

    private readonly Dictionary<Module, string> _names;
    private readonly List<Frame> _open = [];
    private readonly HashSet<Module> _listed = new(ReferenceEqualityComparer.Instance);
    private readonly List<ModuleSummaryRow> _rows = [];

    public CallRecorder(Module root)
    {
        _names = new Dictionary<Module, string>(ReferenceEqualityComparer.Instance);
        foreach (var (name, m) in root.NamedModules()) _names[m] = name;
    }

    /// <summary>The recorder of the summary being taken on this thread, or null (the usual case).</summary>
    public static CallRecorder? Active => t_active;

    /// <summary>The rows, in call order.</summary>
    public IReadOnlyList<ModuleSummaryRow> Rows => _rows;

    /// <summary>The size of the first dimension of the first tensor given to a recorded call, or null.</summary>
    public int? BatchSize { get; private set; }

    /// <summary>Makes <paramref name="recorder"/> the active one on this thread until the scope is disposed.</summary>
    public static IDisposable Begin(CallRecorder recorder)
    {
        var previous = t_active;
        t_active = recorder;
        return new Scope(previous);
    }

    /// <summary>Notes that <paramref name="module"/> starts a call; returns the token to give <see cref="Exit"/>.</summary>
    public int Enter(Module module, object? input)
    {
        if (!_names.ContainsKey(module)) return -1;
        BatchSize ??= LeadingSize(input);
        if (_open.Count > 0) _open[^1] = _open[^1] with { CalledOthers = true };
        _open.Add(new Frame(module));
        return _open.Count - 1;
    }

    /// <summary>Notes that the call of <paramref name="token"/> returned <paramref name="output"/>.</summary>
    public void Exit(int token, object? output)
    {
        if (token < 0) return;
        // A call that threw (and was caught inside a forward) never exits; its frame goes here.
        var frame = _open[token];
        _open.RemoveRange(token, _open.Count - token);
        if (frame.CalledOthers) return;
        var module = frame.Module;
        var shapes = new List<int[]>();
        CollectShapes(output, shapes);
        var first = _listed.Add(module);
        _rows.Add(new ModuleSummaryRow(_names[module], TypeName(module.GetType()), shapes, ModuleSummary.CountWeights(module), Repeated: !first));
    }

    private static void CollectShapes(object? value, List<int[]> shapes)
    {
        if (value is Tensor t) shapes.Add(t.ShapeArray);
        else if (value is ITuple tuple)
            for (var i = 0; i < tuple.Length; i++) CollectShapes(tuple[i], shapes);
    }

    private static int? LeadingSize(object? input) => input switch
    {
        Tensor { Rank: > 0 } t => t.Size(0),
        Array a => a.Length,
        ITuple { Length: > 0 } tuple => LeadingSize(tuple[0]),
        _ => null,
    };

    private static string TypeName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    private readonly record struct Frame(Module Module, bool CalledOthers = false);

    private sealed class Scope(CallRecorder? previous) : IDisposable
    {
        public void Dispose() => t_active = previous;
    }
}
