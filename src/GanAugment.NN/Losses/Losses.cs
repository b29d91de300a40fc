using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// Loss functions (PyTorch <c>torch.nn.functional</c> names and defaults). Losses that take
/// logits say so in their names; feed them the raw scores, never a sigmoid or softmax output.
/// All are composed from differentiable tensor ops, so they can be differentiated twice.
/// </summary>
public static class Losses
{
    /// <summary>
    /// Binary cross-entropy on logits x with targets t in [0, 1]:
    /// ℓ = (1 - t)·x + w_p·softplus(-x), w_p = 1 + (posWeight - 1)·t, which for no posWeight is
    /// max(x, 0) - x·t + log(1 + e^-|x|). Stable for any |x| (no exponential of a positive
    /// number), and its gradient is σ(x) - t everywhere, x = 0 included. <paramref name="weight"/>
    /// scales each element (broadcast); <paramref name="posWeight"/> scales the positive term per
    /// class (broadcast over the last axis), useful for imbalanced labels.
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor targets, Tensor? weight = null, Tensor? posWeight = null, Reduction reduction = Reduction.Mean)
    {
        CheckSameShape(logits, targets, nameof(BinaryCrossEntropyWithLogits));
        var x = logits;
        // NOTE: one mask selects both pieces so that at x = 0 they agree on the x ≥ 0 branch:
        // d/dx of max(x, 0) is 1 and of -|x| is -1 there, which gives σ(0) - t = 0.5 - t. (ReLU
        // and Abs take 0 as their derivative at 0 and would give -t.)
        var nonNegative = x.Ge(0f);
        var zero = Tensor.Scalar(0f);
        var negAbs = Tensor.Where(nonNegative, -x, x);
        var softplusOfNeg = (1f + negAbs.Exp()).Log() + Tensor.Where(nonNegative, zero, -x);
        var positiveTerm = posWeight is null ? softplusOfNeg : (1f + (posWeight - 1f) * targets) * softplusOfNeg;
        var loss = (1f - targets) * x + positiveTerm;
        if (weight is not null) loss = loss * weight;
        return Reduce(loss, reduction);
    }

    /// <summary>
    /// Binary cross-entropy on probabilities p in [0, 1]: -(t·log p + (1 - t)·log(1 - p)), each log
    /// clamped at -100 as PyTorch so that p = 0 or 1 gives a finite loss. Where a log is clamped its
    /// gradient is 0 (PyTorch caps it at 1e12 instead). Prefer
    /// <see cref="BinaryCrossEntropyWithLogits"/> for training: it is exact where this saturates.
    /// </summary>
    public static Tensor BinaryCrossEntropy(Tensor probs, Tensor targets, Tensor? weight = null, Reduction reduction = Reduction.Mean)
    {
        CheckSameShape(probs, targets, nameof(BinaryCrossEntropy));
        foreach (var p in probs.AsSpan())
            if (!(p >= 0f && p <= 1f))
                throw new ArgumentException($"{nameof(BinaryCrossEntropy)} needs probabilities in [0, 1], got {p}; pass logits to {nameof(BinaryCrossEntropyWithLogits)} instead");
        var loss = -(targets * ClampedLog(probs) + (1f - targets) * ClampedLog(1f - probs));
        if (weight is not null) loss = loss * weight;
        return Reduce(loss, reduction);
    }

    /// <summary>
    /// Cross-entropy of logits [N, C] against class indices: NLL of log-softmax(logits). The
    /// softmax is applied here, once; passing softmax outputs would apply it twice.
    /// <paramref name="weight"/> [C] weights each class; the mean is then Σ w_t·ℓ / Σ w_t (as PyTorch).
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, int[] targets, Tensor? weight = null, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Rank != 2) throw new ArgumentException($"{nameof(CrossEntropy)} expects logits [N, C], got shape {ShapeUtil.Format(logits.Shape)}");
        return NllLoss(logits.LogSoftmax(1), targets, weight, reduction);
    }

    /// <summary>
    /// Negative log-likelihood of log-probabilities [N, C] at class indices: ℓ_i = -w_{t_i}·logp[i, t_i];
    /// the weighted mean divides by Σ w_{t_i}.
    /// </summary>
    public static Tensor NllLoss(Tensor logProbs, int[] targets, Tensor? weight = null, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(logProbs);
        ArgumentNullException.ThrowIfNull(targets);
        if (logProbs.Rank != 2) throw new ArgumentException($"{nameof(NllLoss)} expects log-probabilities [N, C], got shape {ShapeUtil.Format(logProbs.Shape)}");
        int n = logProbs.Size(0), classes = logProbs.Size(1);
        if (targets.Length != n) throw new ArgumentException($"{targets.Length} targets for a batch of {n}");
        for (var i = 0; i < n; i++)
            if (targets[i] < 0 || targets[i] >= classes)
                throw new ArgumentOutOfRangeException(nameof(targets), $"target {targets[i]} at position {i} is out of range for {classes} classes");
        if (weight is not null && (weight.Rank != 1 || weight.Size(0) != classes))
            throw new ArgumentException($"class weights of shape {ShapeUtil.Format(weight.Shape)} do not match {classes} classes");

        var picked = logProbs.Gather(1, targets, [n, 1]).Reshape(n);
        if (weight is null) return Reduce(-picked, reduction);
        var w = weight.IndexSelect(0, targets);
        var loss = -picked * w;
        return reduction == Reduction.Mean ? loss.Sum() / w.Sum() : Reduce(loss, reduction);
    }

    /// <summary>Mean squared error (x - y)² (LSGAN's loss).</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        CheckSameShape(input, target, nameof(MseLoss));
        return Reduce((input - target).Square(), reduction);
    }

    /// <summary>Mean absolute error |x - y| (pix2pix's reconstruction term).</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        CheckSameShape(input, target, nameof(L1Loss));
        return Reduce((input - target).Abs(), reduction);
    }

    private static Tensor Reduce(Tensor loss, Reduction reduction) => reduction switch
    {
        Reduction.Mean => loss.Mean(),
        Reduction.Sum => loss.Sum(),
        Reduction.None => loss,
        _ => throw new ArgumentOutOfRangeException(nameof(reduction), $"unknown reduction {reduction}"),
    };

    /// <summary>max(log p, -100), with p = 0 never reaching the log so no 0/0 appears in the backward pass.</summary>
    private static Tensor ClampedLog(Tensor p)
    {
        var positive = p.Gt(0f);
        var safe = Tensor.Where(positive, p, Tensor.Scalar(1f));
        var log = Tensor.Where(positive, safe.Log(), Tensor.Scalar(-100f));
        return Tensor.Maximum(log, Tensor.Scalar(-100f));
    }

    private static void CheckSameShape(Tensor input, Tensor target, string loss)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (!input.Shape.SequenceEqual(target.Shape))
            throw new ArgumentException($"{loss}: input of shape {ShapeUtil.Format(input.Shape)} and target of shape {ShapeUtil.Format(target.Shape)} differ");
    }
}
