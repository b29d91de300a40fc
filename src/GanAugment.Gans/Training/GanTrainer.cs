using System.Diagnostics;
using GanAugment.Data.Images;
using GanAugment.Tensors;

namespace GanAugment.Gans.Training;

/// <summary>
/// The one training loop of every GAN: epochs of shuffled batches, the critic schedule
/// (<see cref="GanModel.CriticSteps"/> critic steps per generator step), checkpoints every N
/// epochs and at the end, exact resume from a checkpoint, and cancellation that leaves a valid
/// checkpoint. The shuffle of epoch e depends only on (seed, e), and the model's random stream is
/// checkpointed, so an interrupted and resumed run equals an uninterrupted one.
/// </summary>
public sealed class GanTrainer
{
    private readonly GanModel _model;
    private readonly ImageDataset _data;
    private readonly TrainerOptions _options;
    private readonly ICheckpointStore? _store;
    private readonly IReadOnlyList<ITrainingObserver> _observers;
    private readonly TensorPool _pool = new();

    public GanTrainer(GanModel model, ImageDataset data, TrainerOptions options, ICheckpointStore? store, IEnumerable<ITrainingObserver>? observers = null)
    {
        options.Validate();
        if (data.Channels != model.Spec.Channels || data.Height != model.Spec.Height || data.Width != model.Spec.Width)
            throw new ArgumentException($"the data set has {data.Channels}x{data.Height}x{data.Width} images, the model expects {model.Spec.Channels}x{model.Spec.Height}x{model.Spec.Width}");
        if (model.RealPerStep(options.BatchSize) > data.Count)
            throw new ArgumentException($"the data set has {data.Count} images, fewer than one batch of {model.RealPerStep(options.BatchSize)}");
        _model = model;
        _data = data;
        _options = options;
        _store = store;
        _observers = observers?.ToList() ?? [];
    }

    /// <summary>Critic steps in one epoch.</summary>
    public int StepsPerEpoch
    {
        get
        {
            var steps = _data.Count / _options.BatchSize;
            if (steps == 0) steps = 1;
            return _options.MaxStepsPerEpoch > 0 ? Math.Min(steps, _options.MaxStepsPerEpoch) : steps;
        }
    }

    /// <summary>Trains from <paramref name="resumeFrom"/> (or from scratch) until done or cancelled.</summary>
    public TrainingOutcome Run(TrainingPosition? resumeFrom = null, CancellationToken cancel = default)
    {
        var position = resumeFrom ?? new TrainingPosition(0, 0, 0);
        foreach (var o in _observers) o.OnStart(_model, _options, position.Epoch);
        var clock = Stopwatch.StartNew();
        if (resumeFrom is null && !Pretrain(cancel))
        {
            // NOTE: no checkpoint: a resumed run skips pretraining, so it must not resume from a half-pretrained model.
            var interrupted = new TrainingOutcome(true, 0, 0, clock.Elapsed, null);
            foreach (var o in _observers) o.OnEnd(_model, interrupted);
            return interrupted;
        }
        var realPerStep = _model.RealPerStep(_options.BatchSize);
        var steps = StepsPerEpoch;
        var stepsDone = 0;
        string? lastCheckpoint = null;
        var (epoch, step, criticCount) = (position.Epoch, position.Step, position.CriticSteps);

        for (; epoch < _options.Epochs; epoch++, step = 0)
        {
            var order = EpochOrder(epoch);
            var epochClock = Stopwatch.StartNew();
            var means = new LossMeans();
            for (; step < steps; step++)
            {
                if (cancel.IsCancellationRequested)
                {
                    lastCheckpoint = Save(new TrainingPosition(epoch, step, criticCount)) ?? lastCheckpoint;
                    var cancelled = new TrainingOutcome(true, epoch, stepsDone, clock.Elapsed, lastCheckpoint);
                    foreach (var o in _observers) o.OnEnd(_model, cancelled);
                    return cancelled;
                }
                var stepClock = Stopwatch.GetTimestamp();
                var indices = BatchIndices(order, step, realPerStep);
                StepLosses losses;
                // NOTE: every tensor of the step lives in the pool scope and is reused by the next step.
                using (_pool.Scope())
                {
                    var real = ImageBatch.From(_data, indices, _model.Range);
                    losses = TrainingStep.Run(_model, real, ImageBatch.Labels(_data, indices), _options.BatchSize, criticCount);
                }
                criticCount++;
                stepsDone++;
                means.Add(losses);
                var seconds = Stopwatch.GetElapsedTime(stepClock).TotalSeconds;
                var report = new StepReport(epoch, step, steps, _options.Epochs, losses, _options.BatchSize / Math.Max(seconds, 1e-9), clock.Elapsed);
                foreach (var o in _observers) o.OnStep(report);
            }
            var epochReport = new EpochReport(epoch, _options.Epochs, means.Means(), epochClock.Elapsed);
            foreach (var o in _observers) o.OnEpochEnd(_model, epochReport);
            var done = epoch + 1;
            if (done == _options.Epochs || (_options.CheckpointEvery > 0 && done % _options.CheckpointEvery == 0))
                lastCheckpoint = Save(new TrainingPosition(done, 0, criticCount)) ?? lastCheckpoint;
        }
        var outcome = new TrainingOutcome(false, _options.Epochs, stepsDone, clock.Elapsed, lastCheckpoint);
        foreach (var o in _observers) o.OnEnd(_model, outcome);
        return outcome;
    }

    /// <summary>
    /// The model's pretraining phase (<see cref="GanModel.PretrainEpochs"/>, none for most models):
    /// shuffled batches as the adversarial epochs, reported to the observers' pretraining methods.
    /// Returns false when cancelled.
    /// </summary>
    private bool Pretrain(CancellationToken cancel)
    {
        var epochs = _model.PretrainEpochs(_options);
        if (epochs <= 0) return true;
        var clock = Stopwatch.StartNew();
        var steps = StepsPerEpoch;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var order = EpochOrder(-1 - epoch);
            var epochClock = Stopwatch.StartNew();
            var means = new LossMeans();
            for (var step = 0; step < steps; step++)
            {
                if (cancel.IsCancellationRequested) return false;
                var stepClock = Stopwatch.GetTimestamp();
                var indices = BatchIndices(order, step, _options.BatchSize);
                StepLosses losses;
                using (_pool.Scope()) losses = _model.PretrainStep(ImageBatch.From(_data, indices, _model.Range), ImageBatch.Labels(_data, indices));
                means.Add(losses);
                var seconds = Stopwatch.GetElapsedTime(stepClock).TotalSeconds;
                var report = new StepReport(epoch, step, steps, epochs, losses, _options.BatchSize / Math.Max(seconds, 1e-9), clock.Elapsed);
                foreach (var o in _observers) o.OnPretrainStep(report);
            }
            var epochReport = new EpochReport(epoch, epochs, means.Means(), epochClock.Elapsed);
            foreach (var o in _observers) o.OnPretrainEpochEnd(_model, epochReport);
        }
        _model.EndPretraining(_data);
        foreach (var o in _observers) o.OnPretrainEnd(_model);
        return true;
    }

    private string? Save(TrainingPosition position)
    {
        if (_store is null) return null;
        var path = _store.Save(_model, _options, position);
        foreach (var o in _observers) o.OnCheckpoint(path);
        return path;
    }

    /// <summary>The shuffled image order of an epoch: a function of (seed, epoch) only.</summary>
    private int[] EpochOrder(int epoch) => EpochOrder(_options.Seed, epoch, _data.Count);

    /// <summary>The shuffled order of <paramref name="count"/> images in epoch <paramref name="epoch"/> of a run seeded <paramref name="seed"/> (negative epochs: pretraining).</summary>
    public static int[] EpochOrder(ulong seed, int epoch, int count) => new Rng(seed ^ (0xA5A5_0000_0000UL + unchecked((ulong)epoch) * 0x9E37_79B9UL)).Permutation(count);

    /// <summary>The images of critic step <paramref name="step"/>; wraps around when an epoch needs more than one pass.</summary>
    private static int[] BatchIndices(int[] order, int step, int count)
    {
        var indices = new int[count];
        var start = (long)step * count;
        for (var i = 0; i < count; i++) indices[i] = order[(int)((start + i) % order.Length)];
        return indices;
    }
}

/// <summary>Running means of named losses over the steps of an epoch, in the order the names first appear.</summary>
internal sealed class LossMeans
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, (double Sum, int Count)> _totals = [];

    public void Add(StepLosses losses)
    {
        foreach (var (name, value) in losses.Values)
        {
            if (!_totals.TryGetValue(name, out var total)) _names.Add(name);
            _totals[name] = (total.Sum + value, total.Count + 1);
        }
    }

    public List<KeyValuePair<string, float>> Means() =>
        [.. _names.Select(n => new KeyValuePair<string, float>(n, (float)(_totals[n].Sum / _totals[n].Count)))];
}

/// <summary>Where training stands: next epoch and step to run, and critic steps done so far.</summary>
public sealed record TrainingPosition(int Epoch, int Step, long CriticSteps);

/// <summary>Saves the full training state (a run directory implements it).</summary>
public interface ICheckpointStore
{
    /// <summary>Writes a checkpoint and returns its path.</summary>
    string Save(GanModel model, TrainerOptions options, TrainingPosition position);
}
