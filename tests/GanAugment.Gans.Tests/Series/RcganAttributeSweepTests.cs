using GanAugment.Gans.Models;
using GanAugment.Gans.Training;

namespace GanAugment.Gans.Tests.Series;

/// <summary>The end-of-run sweep of each static attribute over its training range.</summary>
public class RcganAttributeSweepTests
{
    [Fact]
    public void EachAttributeIsSweptAtTheEndOfARunConditionedOnAttributes()
    {
        var data = SeriesData.Attributed(length: 6);
        var model = SeriesData.Model(data.Spec, 6, "critic-steps=1");
        using var dir = new TempDir();
        var run = new RunDirectory(dir.Path);
        var options = new TrainerOptions { Epochs = 1, BatchSize = 3, MaxStepsPerEpoch = 2, Seed = 6 };
        var outputs = Rcgan.Entry.Outputs(new ModelOutputs(run, data, options, "none")).ToList();
        new GanTrainer(model, data, options, run, outputs).Run();
        var sweep = Assert.Single(outputs.OfType<RcganAttributeSweep>());
        Assert.Equal([run.File("attribute_sweep_age.png"), run.File("attribute_sweep_height.png")], sweep.Written);
        Assert.All(sweep.Written, f => Assert.True(new FileInfo(f).Length > 1000, f));
        var unknown = Assert.Throws<ArgumentException>(() => RcganAttributeSweep.Write(model, "weight", run.File("x.png")));
        Assert.Contains("age, height", unknown.Message);
    }

    [Fact]
    public void ModelsWithoutAttributesAndCancelledRunsWriteNoSweep()
    {
        using var dir = new TempDir();
        var sweep = new RcganAttributeSweep(new RunDirectory(dir.Path));
        var done = new TrainingOutcome(false, 1, 2, TimeSpan.Zero, null);
        sweep.OnEnd(SeriesData.Model(SeriesData.Waves(8, length: 6).Spec, 6), done);
        sweep.OnEnd(SeriesData.Model(SeriesData.Attributed().Spec, 6), done with { Cancelled = true });
        Assert.Empty(sweep.Written);
        sweep.OnEnd(SeriesData.Model(SeriesData.Attributed().Spec, 6, "conditional=false"), done);
        Assert.Equal(2, sweep.Written.Count);
    }
}
