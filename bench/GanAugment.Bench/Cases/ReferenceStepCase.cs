using System.Runtime;
using GanAugment.Data.Catalogue;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Bench.Cases;

/// <summary>
/// One full training step (D update + G update) of a seed network, exactly as the trainer runs it
/// (<see cref="ReferenceStep"/>), on the bundled MNIST subset. FLOPs are counted from the products
/// and convolutions the step performs.
/// </summary>
public sealed class ReferenceStepCase(string name, Func<Data.Images.ImageDataset, ReferenceStep> create) : IBenchCase
{
    private ReferenceStep? _step;

    public string Name => name;

    public double Flops { get; private set; }

    public void Setup()
    {
        var data = DatasetCatalogue.CreateBuiltIn().Load(new DatasetRequest("mnist-small")).Train;
        _step = create(data);
        // NOTE: steps until the JIT has settled: tiered compilation recompiles hot methods in the
        // background (tier 0, instrumented, tier 1), which on a loaded machine takes a few hundred
        // MLP steps. Warm up until 10 steps in a row compiled nothing (at least 20, at most 1000).
        var compiled = JitInfo.GetCompiledMethodCount();
        for (int i = 0, quiet = 0; i < 1000 && (i < 20 || quiet < 10); i++)
        {
            _step.Next();
            var now = JitInfo.GetCompiledMethodCount();
            quiet = now == compiled ? quiet + 1 : 0;
            compiled = now;
        }
        using (FlopCounter.Measure(out var counter))
        {
            _step.Next();
            Flops = counter.Flops;
        }
    }

    public void Run() => _step!.Next();

    public string Unit => "step";

    public static IEnumerable<IBenchCase> All() =>
    [
        new ReferenceStepCase("mlp-gan-step", d => ReferenceStep.MlpGan(d)),
        new ReferenceStepCase("acgan-step", d => ReferenceStep.AcGan(d)),
    ];
}
