using GanAugment.Tensors;

namespace GanAugment.NN.Optim;

/// <summary>
/// Everything an <see cref="Optimizer"/> needs to continue a run exactly where it stopped
/// (PyTorch <c>optimizer.state_dict()</c>, flattened): the per-parameter buffers as tensors named
/// <c>state.{i}.{buffer}</c> (i = index of the parameter, e.g. <c>state.0.exp_avg</c>), and the
/// numbers as doubles: the hyper-parameters (<c>lr</c>, <c>beta1</c>, flags as 0/1), the parameter
/// count <c>param_count</c>, and the step count of each parameter <c>state.{i}.step</c>.
/// </summary>
/// <remarks>
/// NOTE: step counts are kept with the hyper-parameters as doubles (exact to 2^53) rather than
/// as float32 tensors like PyTorch's, which stop counting exactly after 2^24 steps; and the
/// hyper-parameters are doubles so that a resumed run computes the same float32 scalars
/// (<c>(float)(lr / (1 - beta1^t))</c>) as the uninterrupted one, bit for bit.
/// </remarks>
/// <param name="Tensors">Buffers (copies, safe to keep), keyed <c>state.{i}.{buffer}</c>.</param>
/// <param name="Scalars">Hyper-parameters, <c>param_count</c> and <c>state.{i}.step</c>.</param>
public sealed record OptimizerState(
    IReadOnlyDictionary<string, Tensor> Tensors,
    IReadOnlyDictionary<string, double> Scalars);
