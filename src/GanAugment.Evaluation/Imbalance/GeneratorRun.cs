using System.Globalization;
using GanAugment.Data.Images;
using GanAugment.Gans;
using GanAugment.Gans.Observers;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Imbalance;

/// <summary>
/// Trains one generator of the protocol into a run directory (manifest, final checkpoint, loss
/// CSVs, sample grids, TensorBoard event files unless the schedule turns them off, and BAGAN's comparison grids and latent statistics), so it can later be
/// sampled or used by <c>ganaug augment</c> like any <c>ganaug train</c> run. A folder that already
/// holds a finished run of the same model, options and schedule on the very same training set
/// (<see cref="TrainingSetStamp"/>) is loaded instead of trained again, so a protocol rerun into the
/// same output (other classifier settings, more methods) costs no generator training.
/// </summary>
public static class GeneratorRun
{
    public static GanModel Train(GeneratorSchedule schedule, ImageDataset data, string dataName, TrainerOptions trainer, string folder,
        string targetTag, Action<string>? log, CancellationToken cancel, IEnumerable<ITrainingObserver>? progress = null)
    {
        var images = new ImageData(data);
        var model = GanZoo.Create(schedule.Model, images.Spec, schedule.Options, new Rng(trainer.Seed));
        var run = new RunDirectory(folder);
        var manifest = RunManifest.For(model, dataName, trainer);
        var stamp = TrainingSetStamp.Of(data);
        if (IsFinished(run, manifest, stamp))
        {
            RunDirectory.Restore(model, run.LastCheckpoint);
            log?.Invoke($"  {schedule.Model}: reusing the finished run in {folder} (same options, schedule and training set)");
            return model;
        }
        TrainingSetStamp.Delete(run);
        run.WriteManifest(manifest);
        var losses = new LossCsvObserver(run);
        List<ITrainingObserver> observers = [losses, images.SampleObserver(run, trainer.SampleEvery), new LogObserver(schedule.Model, folder, log),
            .. GanZoo.Find(model.Name).Outputs(new ModelOutputs(run, images, trainer, targetTag))];
        // NOTE: after the sample observers, whose grids it reads.
        var tensorBoard = schedule.TensorBoard ? new TensorBoardObserver(run, observers.OfType<ISampleObserver>()) : null;
        if (tensorBoard is not null) observers.Add(tensorBoard);
        observers.AddRange(progress ?? []);
        try
        {
            var outcome = new GanTrainer(model, images, trainer, run, observers).Run(cancel: cancel);
            if (outcome.Cancelled) throw new OperationCanceledException(cancel);
            run.WriteSummary(new { model = model.Name, epochs = outcome.EpochsDone, steps = outcome.StepsDone, seconds = outcome.Elapsed.TotalSeconds, images = data.Count });
            stamp.Save(run);
        }
        finally
        {
            losses.Dispose();
            tensorBoard?.Dispose();
        }
        return model;
    }

    /// <summary>Whether <paramref name="run"/> finished training the model of <paramref name="manifest"/> on the set of <paramref name="stamp"/>.</summary>
    private static bool IsFinished(RunDirectory run, RunManifest manifest, TrainingSetStamp stamp)
    {
        if (!run.HasManifest || !File.Exists(run.LastCheckpoint) || TrainingSetStamp.Load(run) != stamp) return false;
        try
        {
            return RunDirectory.Serialize(run.ReadManifest()) == RunDirectory.Serialize(manifest);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>One log line per epoch of pretraining and training.</summary>
    private sealed class LogObserver(string model, string folder, Action<string>? log) : ITrainingObserver
    {
        public void OnEpochEnd(GanModel m, EpochReport report) => Write(report.IsAdversarial ? "epoch" : "pretrain", report);

        private void Write(string phase, EpochReport report) => log?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"  {model} {phase} {report.Epoch + 1}/{report.Epochs} ({report.Duration.TotalSeconds:F0} s): {string.Join(" ", report.MeanLosses.Select(p => $"{p.Key}={p.Value:F4}"))}  [{folder}]"));
    }
}
