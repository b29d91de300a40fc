using GanAugment.Gans;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests;

/// <summary>Eval-mode sampling must not depend on what the process computed before.</summary>
public sealed class SampleHistoryTests
{
    [Fact]
    public void The_same_seed_gives_the_same_samples_whatever_ran_before()
    {
        var spec = new ImageSpec(1, 28, 28, [.. Enumerable.Range(0, 10).Select(i => i.ToString())]);
        var model = GanZoo.Create("gan", spec, [], new Rng(3));
        var first = model.Sample(8, new Rng(4242)).ToArray();
        model.Sample(1000, new Rng(7));
        model.Sample(3, new Rng(8));
        var again = model.Sample(8, new Rng(4242)).ToArray();
        Assert.Equal(first, again);
    }
}
