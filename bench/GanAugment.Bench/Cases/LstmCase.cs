using GanAugment.NN;
using GanAugment.Tensors;

namespace GanAugment.Bench.Cases;

/// <summary>
/// Forward and backward of one <see cref="LSTM"/> layer over a batch of sequences [N, T, input],
/// in a tensor pool scope as a training step runs, loss = sum of the outputs. Its allocation
/// figure is the managed memory of the unrolled graph (tensor objects, nodes, closures), since the
/// pool gives back the float buffers.
/// </summary>
public sealed class LstmCase(int batch, int steps, int input, int hidden) : IBenchCase
{
    private readonly TensorPool _pool = new();
    private LSTM? _lstm;
    private Tensor? _x;

    public string Name => $"lstm {input}→{hidden} b{batch} t{steps} fwd+bwd";

    public double Flops { get; private set; }

    public void Setup()
    {
        var rng = new Rng(1);
        _lstm = new LSTM(input, hidden, rng);
        _x = Tensor.Randn(rng, [batch, steps, input]);
        using (FlopCounter.Measure(out var counter))
        {
            Run();
            Flops = counter.Flops;
        }
    }

    public void Run()
    {
        using (_pool.Scope())
        {
            var (output, _) = _lstm!.Call(_x!);
            Autograd.Backward(output.Sum(), [.. _lstm.Parameters()]);
        }
        foreach (var p in _lstm.Parameters()) p.ReleaseGrad();
    }
}
