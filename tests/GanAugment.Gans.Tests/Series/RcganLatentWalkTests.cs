using GanAugment.Gans.Models;
using GanAugment.Gans.Training;

namespace GanAugment.Gans.Tests.Series;

/// <summary>The seed's latent walk: a regular lattice of a fixed 2-D latent, decoded per class at the end of a run.</summary>
public class RcganLatentWalkTests
{
    [Fact]
    public void AFixedTwoDimensionalLatentIsWalkedPerClassAtTheEnd()
    {
        var data = SeriesData.Waves(24, length: 10);
        var model = SeriesData.Model(data.Spec, 6, "latent=fixed", "latent-dim=2", "critic-steps=1");
        using var dir = new TempDir();
        var run = new RunDirectory(dir.Path);
        var options = new TrainerOptions { Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 2, Seed = 6 };
        var outputs = Rcgan.Entry.Outputs(new ModelOutputs(run, data, options, "none")).ToList();
        new GanTrainer(model, data, options, run, outputs).Run();
        var walk = Assert.Single(outputs.OfType<RcganLatentWalk>());
        Assert.Equal([run.File("latent_walk_sine.png"), run.File("latent_walk_sawtooth.png")], walk.Written);
        Assert.All(walk.Written, f => Assert.True(new FileInfo(f).Length > 1000, f));
    }

    [Fact]
    public void OtherLatentsAndCancelledRunsWriteNoWalk()
    {
        var data = SeriesData.Waves(8, length: 6);
        using var dir = new TempDir();
        var walk = new RcganLatentWalk(new RunDirectory(dir.Path));
        var done = new TrainingOutcome(false, 1, 2, TimeSpan.Zero, null);
        walk.OnEnd(SeriesData.Model(data.Spec, 6), done);
        walk.OnEnd(SeriesData.Model(data.Spec, 6, "latent=fixed", "latent-dim=3"), done);
        walk.OnEnd(SeriesData.Model(data.Spec, 6, "latent=fixed", "latent-dim=2"), done with { Cancelled = true });
        Assert.Empty(walk.Written);
        walk.OnEnd(SeriesData.Model(data.Spec, 6, "latent=fixed", "latent-dim=2", "conditional=false"), done);
        Assert.Equal([Path.Combine(dir.Path, "latent_walk_all.png")], walk.Written);
    }

    [Fact]
    public void TheLatticeIsRegularFromTopLeftToBottomRight()
    {
        var z = RcganLatentWalk.Lattice(3, 2f).ToArray();
        Assert.Equal(new float[] { -2, 2, 0, 2, 2, 2, -2, 0, 0, 0, 2, 0, -2, -2, 0, -2, 2, -2 }, z);
    }
}
