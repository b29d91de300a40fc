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
        // NOTE: steps until the JIT has settled (tier-1 code, the pool filled): 20 steps or 3 s.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 20 && warm.Elapsed < TimeSpan.FromSeconds(3); i++) _step.Next();
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
