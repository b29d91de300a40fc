using System.Runtime;
using GanAugment.Data.TimeSeries;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Bench.Cases;

/// <summary>
/// One full training step (D update + G update) of a sequence model on the seed's Waves set, as
/// the trainer runs it (<see cref="TrainingStep.Run"/> in a tensor pool scope, batches in the
/// trainer's first-epoch order). <c>rcgan-step</c>: batch 64, 30 time steps, hidden 100, one LSTM
/// layer in G and D, critic-steps=1 so that every timed step updates both networks.
/// </summary>
public sealed class SeriesStepCase(string name, string model, IReadOnlyList<KeyValuePair<string, string>> options, int batchSize = 64, int length = 30) : IBenchCase
{
    private readonly TensorPool _pool = new();
    private SequenceData? _data;
    private GanModel? _model;
    private int[] _order = [];
    private long _steps;

    public string Name => name;

    public double Flops { get; private set; }

    public string Unit => "step";

    public void Setup()
    {
        _data = new SequenceData(Waves.Generate(1024, 1, new WavesOptions { Length = length }));
        _model = GanZoo.Create(model, _data.Spec, options, new Rng(1));
        _order = GanTrainer.EpochOrder(1, 0, _data.Count);
        // NOTE: as ReferenceStepCase: warm up until 10 steps in a row compiled nothing.
        var compiled = JitInfo.GetCompiledMethodCount();
        for (int i = 0, quiet = 0; i < 1000 && (i < 20 || quiet < 10); i++)
        {
            Run();
            var now = JitInfo.GetCompiledMethodCount();
            quiet = now == compiled ? quiet + 1 : 0;
            compiled = now;
        }
        using (FlopCounter.Measure(out var counter))
        {
            Run();
            Flops = counter.Flops;
        }
    }

    public void Run()
    {
        var indices = new int[batchSize];
        for (var i = 0; i < batchSize; i++) indices[i] = _order[(int)((_steps * batchSize + i) % _order.Length)];
        using (_pool.Scope())
        {
            TrainingStep.Run(_model!, _data!.Batch(indices, _model!.Range, 0), batchSize, _steps);
            _steps++;
        }
    }

    public static IEnumerable<IBenchCase> All() =>
    [
        new SeriesStepCase("rcgan-step", "rcgan", [new("hidden", "100"), new("critic-steps", "1")]),
    ];
}
