using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// Records, while a scope is open on this thread, which labels each generated batch was made for
/// and which labels the critic saw it with, so a test can check that no model scores a fake with
/// labels other than its own (the conditional WGAN-GP once did). Costs one thread-static read per
/// generation when no scope is open.
/// </summary>
public sealed class ConditionAudit : IDisposable
{
    [ThreadStatic] private static ConditionAudit? t_current;
    private readonly ConditionAudit? _outer;
    private readonly Dictionary<Tensor, int[]> _made = new(ReferenceEqualityComparer.Instance);

    private ConditionAudit()
    {
        _outer = t_current;
        t_current = this;
    }

    /// <summary>Starts recording on this thread until disposed.</summary>
    public static ConditionAudit Start() => new();

    /// <summary>Generated batches the critic saw: the labels they were made for and the labels they were judged with.</summary>
    public List<(int[] Made, int[] Judged)> Judgements { get; } = [];

    internal static void Generated(Tensor items, Condition condition)
    {
        if (t_current is { } audit && condition is LabelCondition { Labels: var labels }) audit._made[items] = labels;
    }

    internal static void Judged(Tensor items, int[] labels)
    {
        if (t_current is { } audit && audit._made.TryGetValue(items, out var made)) audit.Judgements.Add((made, labels));
    }

    public void Dispose() => t_current = _outer;
}
