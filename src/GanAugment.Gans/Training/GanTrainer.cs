using System.Diagnostics;
using GanAugment.Tensors;

namespace GanAugment.Gans.Training;

/// <summary>
/// The one training loop of every GAN: the model's pretraining phases, then the adversarial
/// epochs with the critic schedule (<see cref="GanModel.CriticSteps"/> critic steps per generator
/// step); shuffled batches from any <see cref="TrainingData"/>; checkpoints every N epochs of every
/// phase, at the end of a phase and on cancellation; exact resume in any phase. The shuffle of an
/// epoch depends only on (seed, phase, epoch) and the model's random stream is checkpointed, so an
/// interrupted and resumed run equals an uninterrupted one bit for bit.
/// </summary>
public sealed class GanTrainer
{
    private readonly GanModel _model;
    private readonly TrainingData _data;
    private readonly TrainerOptions _options;
    private readonly ICheckpointStore? _store;
    private readonly IReadOnlyList<ITrainingObserver> _observers;
    private readonly IReadOnlyList<TrainingPhase> _phases;
    private readonly TensorPool _pool = new();
    private readonly TimeProvider _clock;
    private long _lastCheckpoint;

    /// <param name="clock">Times the mid-epoch checkpoints of <see cref="TrainerOptions.CheckpointMinutes"/> (default: the system's).</param>
    public GanTrainer(GanModel model, TrainingData data, TrainerOptions options, ICheckpointStore? store, IEnumerable<ITrainingObserver>? observers = null, TimeProvider? clock = null)
    {
        options.Validate();
        if (data.Spec.Modality != model.Spec.Modality || !data.Spec.ItemShape.SequenceEqual(model.Spec.ItemShape))
            throw new ArgumentException($"the data are {data.Spec.Describe(data.Count)}; the model was built for {model.Spec.Describe(data.Count)}");
        if (model.RealPerStep(options.BatchSize) > data.Count)
            throw new ArgumentException($"the data set has {data.Count} items, fewer than one batch of {model.RealPerStep(options.BatchSize)}");
        _model = model;
        _data = data;
        _options = options;
        _store = store;
        _clock = clock ?? TimeProvider.System;
        _observers = observers?.ToList() ?? [];
        _phases = model.Phases(options);
        if (_phases.Any(p => p.Name == TrainingPhase.Adversarial || p.Epochs < 1))
            throw new ArgumentException($"model '{model.Name}' declares an invalid phase (named '{TrainingPhase.Adversarial}' or without epochs)");
    }

    /// <summary>Steps in one epoch of any phase.</summary>
    public int StepsPerEpoch
    {
        get
        {
            var steps = _data.Count / _options.BatchSize;
            if (steps == 0) steps = 1;
            return _options.MaxStepsPerEpoch > 0 ? Math.Min(steps, _options.MaxStepsPerEpoch) : steps;
        }
    }

    /// <summary>The pretraining phases, then the adversarial one, as (name, epochs).</summary>
    public IReadOnlyList<(string Name, int Epochs)> Schedule =>
        [.. _phases.Select(p => (p.Name, p.Epochs)), (TrainingPhase.Adversarial, _options.Epochs)];

    /// <summary>Trains from <paramref name="resumeFrom"/> (or from scratch) until done or cancelled.</summary>
    public TrainingOutcome Run(TrainingPosition? resumeFrom = null, CancellationToken cancel = default)
    {
        var start = resumeFrom ?? new TrainingPosition(0, 0, 0, _phases.Count > 0 ? _phases[0].Name : TrainingPhase.Adversarial);
        var run = new RunState(start, Stopwatch.StartNew());
        _lastCheckpoint = _clock.GetTimestamp();
        foreach (var o in _observers) o.OnStart(_model, _options, start);
        var first = PhaseIndex(start.Phase);
        for (var p = first; p < _phases.Count; p++)
        {
            var phase = _phases[p];
            if (!RunEpochs(run, phase.Name, p, phase.Epochs, phase.Step, cancel)) return End(run, cancelled: true);
            phase.End(_data);
            foreach (var o in _observers) o.OnPhaseEnd(_model, phase.Name);
            var next = p + 1 < _phases.Count ? _phases[p + 1].Name : TrainingPhase.Adversarial;
            run.Position = new TrainingPosition(0, 0, run.Position.CriticSteps, next);
            run.LastCheckpoint = Save(run.Position) ?? run.LastCheckpoint;
        }
        var realPerStep = _model.RealPerStep(_options.BatchSize);
        var cancelledAdversarial = !RunEpochs(run, TrainingPhase.Adversarial, _phases.Count, _options.Epochs, real =>
        {
            var losses = TrainingStep.Run(_model, real, _options.BatchSize, run.Position.CriticSteps);
            run.Position = run.Position with { CriticSteps = run.Position.CriticSteps + 1 };
            return losses;
        }, cancel, realPerStep);
        return End(run, cancelledAdversarial);
    }

    /// <summary>Runs the epochs of one phase from <c>run.Position</c>; false when cancelled (after saving where it stopped).</summary>
    private bool RunEpochs(RunState run, string phase, int phaseIndex, int epochs, Func<RealBatch, StepLosses> step, CancellationToken cancel, int? perStep = null)
    {
        var steps = StepsPerEpoch;
        var count = perStep ?? _options.BatchSize;
        for (var epoch = run.Position.Epoch; epoch < epochs; epoch++)
        {
            var order = EpochOrder(_options.Seed, OrderKey(phaseIndex, epoch), _data.Count);
            var epochClock = Stopwatch.StartNew();
            var means = new LossMeans();
            for (var s = epoch == run.Position.Epoch ? run.Position.Step : 0; s < steps; s++)
            {
                run.Position = run.Position with { Epoch = epoch, Step = s };
                if (cancel.IsCancellationRequested)
                {
                    run.LastCheckpoint = Save(run.Position) ?? run.LastCheckpoint;
                    return false;
                }
                if (s > 0 && _options.CheckpointMinutes > 0 && _clock.GetElapsedTime(_lastCheckpoint).TotalMinutes >= _options.CheckpointMinutes)
                    run.LastCheckpoint = Save(run.Position) ?? run.LastCheckpoint;
                var stepClock = Stopwatch.GetTimestamp();
                StepLosses losses;
                // NOTE: every tensor of the step lives in the pool scope and is reused by the next step.
                using (_pool.Scope()) losses = step(_data.Batch(BatchIndices(order, s, count), _model.Range, DrawSeed(phaseIndex, epoch, s)));
                run.StepsDone++;
                means.Add(losses);
                var seconds = Stopwatch.GetElapsedTime(stepClock).TotalSeconds;
                var report = new StepReport(epoch, s, steps, epochs, losses, _options.BatchSize / Math.Max(seconds, 1e-9), run.Clock.Elapsed, phase,
                    Progress(phaseIndex, epoch, s + 1));
                foreach (var o in _observers) o.OnStep(report);
            }
            var epochReport = new EpochReport(epoch, epochs, means.Means(), epochClock.Elapsed, phase, Progress(phaseIndex, epoch + 1, 0));
            foreach (var o in _observers) o.OnEpochEnd(_model, epochReport);
            var done = epoch + 1;
            run.Position = run.Position with { Epoch = done, Step = 0 };
            if (phase == TrainingPhase.Adversarial) run.EpochsDone = done;
            var lastOfPhase = done == epochs;
            // NOTE: a pretraining phase's last epoch is saved after the phase's End, as the next phase's start.
            if ((lastOfPhase && phase == TrainingPhase.Adversarial) || (!lastOfPhase && _options.CheckpointEvery > 0 && done % _options.CheckpointEvery == 0))
                run.LastCheckpoint = Save(run.Position) ?? run.LastCheckpoint;
        }
        return true;
    }

    /// <summary>The schedule's progress once <paramref name="steps"/> steps of epoch <paramref name="epoch"/> of phase <paramref name="phaseIndex"/> are done.</summary>
    private ScheduleProgress Progress(int phaseIndex, int epoch, int steps)
    {
        var epochsBefore = Schedule.Take(phaseIndex).Sum(p => (long)p.Epochs);
        var epochsTotal = Schedule.Sum(p => (long)p.Epochs);
        return new ScheduleProgress(phaseIndex, _phases.Count + 1, (epochsBefore + epoch) * StepsPerEpoch + steps, epochsTotal * StepsPerEpoch);
    }

    private TrainingOutcome End(RunState run, bool cancelled)
    {
        var outcome = new TrainingOutcome(cancelled, run.EpochsDone, run.StepsDone, run.Clock.Elapsed, run.LastCheckpoint);
        foreach (var o in _observers) o.OnEnd(_model, outcome);
        return outcome;
    }

    private int PhaseIndex(string phase)
    {
        if (phase == TrainingPhase.Adversarial) return _phases.Count;
        for (var i = 0; i < _phases.Count; i++)
            if (_phases[i].Name == phase) return i;
        throw new ArgumentException($"model '{_model.Name}' has no phase '{phase}' to resume");
    }

    private string? Save(TrainingPosition position)
    {
        if (_store is null) return null;
        _lastCheckpoint = _clock.GetTimestamp();
        var path = _store.Save(_model, _options, position);
        foreach (var o in _observers) o.OnCheckpoint(path);
        return path;
    }

    /// <summary>
    /// The epoch key of the shuffle: adversarial epochs count from 0, epochs of pretraining phase p
    /// from −1 − 1,000,000·p downwards (so the first phase's orders are those of earlier versions).
    /// </summary>
    private int OrderKey(int phaseIndex, int epoch) => phaseIndex == _phases.Count ? epoch : -1 - epoch - 1_000_000 * phaseIndex;

    private ulong DrawSeed(int phaseIndex, int epoch, int step) =>
        _options.Seed ^ 0xD1B5_4A32_D192_ED03UL ^ ((ulong)(uint)OrderKey(phaseIndex, epoch) << 32 | (uint)step);

    /// <summary>The shuffled order of <paramref name="count"/> items in epoch <paramref name="epoch"/> of a run seeded <paramref name="seed"/> (negative epochs: pretraining).</summary>
    public static int[] EpochOrder(ulong seed, int epoch, int count) => new Rng(seed ^ (0xA5A5_0000_0000UL + unchecked((ulong)epoch) * 0x9E37_79B9UL)).Permutation(count);

    /// <summary>The items of step <paramref name="step"/>; wraps around when an epoch needs more than one pass.</summary>
    private static int[] BatchIndices(int[] order, int step, int count)
    {
        var indices = new int[count];
        var start = (long)step * count;
        for (var i = 0; i < count; i++) indices[i] = order[(int)((start + i) % order.Length)];
        return indices;
    }

    private sealed class RunState(TrainingPosition position, Stopwatch clock)
    {
        public TrainingPosition Position { get; set; } = position;
        public Stopwatch Clock { get; } = clock;
        public int StepsDone { get; set; }
        public int EpochsDone { get; set; } = position.IsAdversarial ? position.Epoch : 0;
        public string? LastCheckpoint { get; set; }
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

/// <summary>Saves the full training state (a run directory implements it).</summary>
public interface ICheckpointStore
{
    /// <summary>Writes a checkpoint and returns its path.</summary>
    string Save(GanModel model, TrainerOptions options, TrainingPosition position);
}
