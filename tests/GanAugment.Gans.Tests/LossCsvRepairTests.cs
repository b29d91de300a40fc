using GanAugment.Gans.Observers;
using GanAugment.Gans.Training;
using GanAugment.TestSupport;

namespace GanAugment.Gans.Tests;

/// <summary>
/// losses.csv is appended to, so a hard kill can cut its last line: the next session keeps the
/// rows before its checkpoint and drops the cut line with the other rows after it.
/// </summary>
public class LossCsvRepairTests
{
    [Theory]
    [InlineData("2,2,d,0.0")] // the value cut: 0.0625 → 0.0
    [InlineData("2,2,d")]
    [InlineData("2,")]
    public void A_cut_last_line_and_the_rows_after_the_checkpoint_are_dropped_on_resume(string cut)
    {
        using var dir = new TempDir();
        var run = new RunDirectory(dir.Path);
        File.WriteAllText(run.File("losses.csv"), "epoch,step,loss,value\n1,1,d,0.5\n1,2,d,0.25\n2,1,d,0.125\n" + cut);
        File.WriteAllText(run.File("epoch_losses.csv"), "epoch,seconds,d\n1,1.00,0.375\n2,1.00,0.09\n");

        // The checkpoint: epoch 2 (index 1), before its step 2 (index 1).
        using (var observer = new LossCsvObserver(run)) observer.OnStart(null!, new TrainerOptions(), new TrainingPosition(1, 1, 3));

        Assert.Equal("epoch,step,loss,value\n1,1,d,0.5\n1,2,d,0.25\n2,1,d,0.125\n", File.ReadAllText(run.File("losses.csv")));
        Assert.Equal("epoch,seconds,d\n1,1.00,0.375\n", File.ReadAllText(run.File("epoch_losses.csv")));
    }
}
