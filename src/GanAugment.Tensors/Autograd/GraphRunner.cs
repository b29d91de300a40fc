using GanAugment.Tensors.Kernels;
using System.Runtime.InteropServices;

namespace GanAugment.Tensors;

/// <summary>Walks the recorded graph in reverse topological order and applies the backward rules.</summary>
internal static class GraphRunner
{
    // NOTE: the tensors on a path to the targets of the pass being run on this thread (null: every
    // tensor that requires grad). Backward rules ask Graph.Wants, so a pass for some leaves only
    // (G's parameters through D) computes no gradient for the others (D's weights).
    [ThreadStatic] private static HashSet<Tensor>? t_needed;

    /// <summary>Whether the running backward pass needs a gradient for <paramref name="x"/>.</summary>
    public static bool Needs(Tensor x) => t_needed is not { } needed || needed.Contains(x);

    /// <summary>
    /// Backpropagates <paramref name="seeds"/> from <paramref name="outputs"/>. With
    /// <paramref name="targets"/> null, leaves receive their gradient in <c>Grad</c>; otherwise the
    /// gradients of the targets are returned (null where a target is unreachable), or, with
    /// <paramref name="intoLeaves"/>, accumulated into the targets' <c>Grad</c> (all leaves).
    /// </summary>
    public static Tensor?[]? Run(IReadOnlyList<Tensor> outputs, Tensor[] seeds, IReadOnlyList<Tensor>? targets, bool retainGraph, bool createGraph, bool intoLeaves = false)
    {
        var order = TopologicalOrder(outputs);
        var targetSet = targets is null ? null : new HashSet<Tensor>(targets, ReferenceEqualityComparer.Instance);
        var needed = targetSet is null ? null : NeededTensors(order, targetSet);
        var outer = t_needed;
        t_needed = needed;
        try
        {
            return Walk(order, outputs, seeds, targets, targetSet, needed, retainGraph, createGraph, intoLeaves);
        }
        finally
        {
            t_needed = outer;
        }
    }

    private static Tensor?[]? Walk(List<Tensor> order, IReadOnlyList<Tensor> outputs, Tensor[] seeds, IReadOnlyList<Tensor>? targets,
        HashSet<Tensor>? targetSet, HashSet<Tensor>? needed, bool retainGraph, bool createGraph, bool intoLeaves)
    {

        var grads = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance);
        // NOTE: without a graph to build, a gradient this pass allocated itself and has not yet
        // handed to a backward rule (which may pass it on to several inputs) is summed into in place.
        var owned = createGraph ? null : new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < outputs.Count; i++) Accumulate(grads, owned, outputs[i], seeds[i]);

        using (new GradModeScope(enabled: createGraph))
        {
            // order is post-order (inputs before users); walk it backwards.
            for (var i = order.Count - 1; i >= 0; i--)
            {
                var t = order[i];
                if (!grads.TryGetValue(t, out var g)) continue;
                if (needed is not null && !needed.Contains(t)) continue;
                var node = t.GradFn!;
                owned?.Remove(g);
                if (owned is not null && node.Accumulate is { } accumulate && node.Inputs is [{ RequiresGrad: true, IsLeaf: false } only]
                    && (needed is null || needed.Contains(only)))
                    accumulate(g, OwnedSlot(grads, owned, only));
                else
                {
                    var backward = node.Backward
                        ?? throw new InvalidOperationException($"the graph through '{node.Name}' was already freed by a backward pass; pass retainGraph: true to backpropagate twice");
                    var inputGrads = backward(g);
                    for (var j = 0; j < node.Inputs.Length; j++)
                    {
                        var x = node.Inputs[j];
                        var gx = inputGrads[j];
                        if (gx is null || !x.RequiresGrad) continue;
                        if (!ShapeUtil.SameShape(gx.Shape, x.Shape))
                            throw new InvalidOperationException($"backward of '{node.Name}' produced a gradient of shape {ShapeUtil.Format(gx.Shape)} for an input of shape {ShapeUtil.Format(x.Shape)}");
                        if (x.IsLeaf && (targetSet is null || intoLeaves && targetSet.Contains(x))) AccumulateLeaf(x, gx, createGraph);
                        else if (needed is null || needed.Contains(x)) Accumulate(grads, owned, x, gx);
                    }
                }
                // A non-target intermediate gradient is no longer needed: let it be collected.
                if (targetSet is null || !targetSet.Contains(t)) grads.Remove(t);
            }
        }

        if (!retainGraph)
            foreach (var t in order) t.GradFn!.Release();

        if (targets is null || intoLeaves) return null;
        var result = new Tensor?[targets.Count];
        for (var i = 0; i < targets.Count; i++) result[i] = grads.GetValueOrDefault(targets[i]);
        return result;
    }

    private static void Accumulate(Dictionary<Tensor, Tensor> grads, HashSet<Tensor>? owned, Tensor x, Tensor g)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(grads, x, out var exists);
        if (!exists) slot = g;
        else if (owned is not null && owned.Contains(slot!)) ElementwiseKernels.Binary<AddOp>(slot!.AsSpan(), g.AsSpan(), slot.AsSpan());
        else
        {
            slot = slot! + g;
            owned?.Add(slot);
        }
    }

    /// <summary>The gradient being summed for <paramref name="x"/>, made one this pass owns (zeros when there is none yet).</summary>
    private static Tensor OwnedSlot(Dictionary<Tensor, Tensor> grads, HashSet<Tensor> owned, Tensor x)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(grads, x, out var exists);
        if (exists && owned.Contains(slot!)) return slot!;
        slot = exists ? slot!.Clone() : Tensor.Zeros(x.ShapeArray);
        owned.Add(slot);
        return slot;
    }

    private static void AccumulateLeaf(Tensor leaf, Tensor g, bool createGraph)
    {
        if (createGraph)
        {
            leaf.Grad = leaf.Grad is null ? g : leaf.Grad + g;
            return;
        }
        // NOTE: backward rules may hand the same tensor to several inputs (add), and later
        // accumulation writes into Grad in place, so the first gradient of a plain leaf is a copy,
        // outside any tensor pool scope since it outlives the step. A parameter takes storage
        // over from the pool instead, and copies on write (see Parameter.SetFirstGrad).
        if (leaf is Parameter p)
        {
            if (leaf.Grad is null) p.SetFirstGrad(g);
            else p.AddGrad(g);
        }
        else if (leaf.Grad is null) leaf.Grad = g.ClonePersistent();
        else ElementwiseKernels.Binary<AddOp>(leaf.Grad.AsSpan(), g.AsSpan(), leaf.Grad.AsSpan());
    }

    /// <summary>Non-leaf tensors reachable from the outputs, each after all of its graph inputs.</summary>
    private static List<Tensor> TopologicalOrder(IReadOnlyList<Tensor> outputs)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor Tensor, int Next)>();
        foreach (var root in outputs)
        {
            if (root.GradFn is null || !visited.Add(root)) continue;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (t, next) = stack.Pop();
                var inputs = t.GradFn!.Inputs;
                if (next < inputs.Length)
                {
                    stack.Push((t, next + 1));
                    var x = inputs[next];
                    if (x.GradFn is not null && visited.Add(x)) stack.Push((x, 0));
                }
                else order.Add(t);
            }
        }
        return order;
    }

    /// <summary>Tensors on some path to a target (targets included), so other branches are skipped.</summary>
    private static HashSet<Tensor> NeededTensors(List<Tensor> order, HashSet<Tensor> targets)
    {
        var needed = new HashSet<Tensor>(targets, ReferenceEqualityComparer.Instance);
        foreach (var t in order) // inputs come first
            foreach (var x in t.GradFn!.Inputs)
                if (needed.Contains(x)) { needed.Add(t); break; }
        return needed;
    }
}
