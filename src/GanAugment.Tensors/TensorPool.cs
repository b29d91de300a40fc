namespace GanAugment.Tensors;

/// <summary>
/// Reuses tensor storage across training steps. A step runs inside <c>using (pool.Scope())</c>:
/// every tensor made on this thread during the scope takes its floats from the pool, and when
/// the scope ends they all go back, so a steady-state step allocates no tensor memory and the
/// resident set stays flat. Tensors made in a scope must not be used after it ends: read losses
/// with <c>Item()</c> inside. Leaves' gradients and optimizer state survive the scope: a
/// parameter's gradient either lives outside the pool or was handed over by it for good (see
/// <see cref="TryHandOver"/>). Buffers are matched by exact length, which a repeated step always hits.
/// The pool holds at most <see cref="MaxFloats"/>: a step that makes more (DAGAN's dense blocks make
/// gigabytes of short-lived concatenations per step, all of which a scope would otherwise keep
/// until it ends) gets the rest as ordinary arrays, which the garbage collector reclaims as soon
/// as they die, so the resident set is bounded by the cap plus what is live, not by all a step makes.
/// </summary>
public sealed class TensorPool(long maxFloats = TensorPool.DefaultMaxFloats)
{
    /// <summary>The default cap: 2^28 floats (1 GiB).</summary>
    public const long DefaultMaxFloats = 1L << 28;

    private readonly Dictionary<int, Stack<float[]>> _free = [];
    private readonly List<float[]> _rentedList = [];
    private List<float[]>? _rented;

    /// <summary>Most floats the pool holds, rented or free.</summary>
    public long MaxFloats { get; } = maxFloats > 0 ? maxFloats : throw new ArgumentOutOfRangeException(nameof(maxFloats), maxFloats, "a tensor pool's cap must be positive");

    /// <summary>Floats currently held by the pool, rented or free.</summary>
    public long PooledFloats { get; private set; }

    /// <summary>How many scopes have been opened; identifies the open one.</summary>
    internal long ScopeNumber { get; private set; }

    /// <summary>Starts a scope on this thread; disposing it returns every buffer rented in it.</summary>
    public PoolScope Scope()
    {
        if (_rented is not null) throw new InvalidOperationException("this tensor pool already has an open scope");
        _rented = _rentedList;
        ScopeNumber++;
        var previous = TensorBuffer.Current;
        TensorBuffer.Current = this;
        return new PoolScope(this, previous);
    }

    /// <summary>
    /// If <paramref name="buffer"/> was rented in the open scope, gives it up for good (it will
    /// not come back to the pool when the scope ends) and takes <paramref name="replacement"/>, a
    /// buffer of the same length that nothing else uses, in its place; false when the buffer is
    /// not the pool's to give. A parameter's gradient takes its storage this way instead of a copy.
    /// </summary>
    internal bool TryHandOver(float[] buffer, float[]? replacement)
    {
        if (_rented is null) return false;
        if (replacement is not null && replacement.Length != buffer.Length)
            throw new ArgumentException($"a replacement of {replacement.Length} floats for a buffer of {buffer.Length}");
        // NOTE: searched from the end: the gradient handed over was usually rented moments ago.
        for (var i = _rented.Count - 1; i >= 0; i--)
        {
            if (!ReferenceEquals(_rented[i], buffer)) continue;
            if (replacement is not null) _rented[i] = replacement;
            else
            {
                _rented.RemoveAt(i);
                PooledFloats -= buffer.Length;
            }
            return true;
        }
        return false;
    }

    internal float[] Rent(int length)
    {
        if (_free.TryGetValue(length, out var stack) && stack.Count > 0)
        {
            var reused = stack.Pop();
            _rented!.Add(reused);
            return reused;
        }
        var fresh = GC.AllocateUninitializedArray<float>(length);
        if (PooledFloats + length > MaxFloats) return fresh; // NOTE: past the cap: the collector's, not the pool's
        PooledFloats += length;
        _rented!.Add(fresh);
        return fresh;
    }

    private void End(TensorPool? previous)
    {
        foreach (var buffer in _rented!)
        {
            if (!_free.TryGetValue(buffer.Length, out var stack)) _free[buffer.Length] = stack = new Stack<float[]>();
            stack.Push(buffer);
        }
        _rented.Clear();
        _rented = null;
        TensorBuffer.Current = previous;
    }

    /// <summary>The open scope of a <see cref="TensorPool"/>.</summary>
    public readonly struct PoolScope : IDisposable
    {
        private readonly TensorPool _pool;
        private readonly TensorPool? _previous;

        internal PoolScope(TensorPool pool, TensorPool? previous)
        {
            _pool = pool;
            _previous = previous;
        }

        public void Dispose() => _pool.End(_previous);
    }
}
