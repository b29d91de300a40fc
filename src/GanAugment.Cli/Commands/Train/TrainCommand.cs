using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Rendering;
using GanAugment.Gans.Observers;
using GanAugment.Gans.Training;
using GanAugment.Gans;
using Spectre.Console;

namespace GanAugment.Cli.Commands.Train;

/// <summary>
/// <c>ganaug train</c>: prepares the session, trains with a <see cref="GanTrainer"/> and the
/// loss CSV, sample grid, stats, TensorBoard and progress observers, then writes <c>summary.json</c>.
/// </summary>
internal static class TrainCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var settings = TrainSettings.From(parse);
        if (settings.Threads is { } threads) EngineSettings.Threads = threads;
        if (!TrainImbalance.IsAll(settings.TargetClass)) return Run(settings, context);
        // --target-class all: one run per class, each with that class as the minority (as the BAGAN script).
        if (settings.Resume || settings.Data is null) throw Infrastructure.UsageException.For("--target-class", "'all' starts one new run per class; it needs --data and cannot --resume (resume each <out>/class_<c> run)");
        var names = Infrastructure.TrainingSource.FromOptions(settings.Data, settings.DataPath, settings.Target, settings.Series, settings.Discrete, settings.Attributes).Load(context, GanZoo.Find(settings.Model)).Train.Spec.ClassNames;
        var code = ExitCodes.Success;
        // NOTE: each run gets its class by name (a name wins over an index, so "0" could name another class), by index only when the name holds a comma.
        for (var c = 0; c < names.Count && code == ExitCodes.Success; c++)
            code = Run(settings with { Out = Path.Combine(settings.Out, $"class_{c}"), TargetClass = names[c].Contains(',', StringComparison.Ordinal) ? c.ToString(CultureInfo.InvariantCulture) : names[c] }, context);
        return code;
    }

    private static int Run(TrainSettings settings, CliContext context)
    {
        var run = new RunDirectory(settings.Out);
        var session = settings.Resume ? TrainSession.Resume(settings, run, context) : TrainSession.Start(settings, run, context);
        run.RemoveStaleTemporaries();

        var data = session.Train;
        var recorder = new RunRecorder();
        using var losses = new LossCsvObserver(run);
        var live = context.Interactive ? new LiveProgressObserver() : null;
        var samples = data.SampleObserver(run, session.Trainer.SampleEvery);
        List<ITrainingObserver> observers = [losses, samples, recorder,
            .. GanZoo.Find(session.Model.Name).Outputs(new ModelOutputs(run, data, session.Trainer, TrainImbalance.Load(run)?.Tag ?? "none"))];
        var stats = session.Trainer.StatsSamples > 0 ? new StatsObserver(run, data, session.Trainer.StatsSamples) : null;
        if (stats is not null) observers.Add(stats);
        // NOTE: after the sample and stats observers, whose epoch outputs it reads.
        using var tensorBoard = settings.TensorBoard ? new TensorBoardObserver(run, observers.OfType<ISampleObserver>(), stats) : null;
        if (tensorBoard is not null) observers.Add(tensorBoard);
        observers.Add(live ?? (ITrainingObserver)new PlainProgressObserver(context.Out, session.Trainer.BatchSize));
        var trainer = new GanTrainer(session.Model, data, session.Trainer, run, observers);
        session.WriteManifest();

        WriteHeader(context.Out, session, trainer);
        var outcome = live is null
            ? trainer.Run(session.Position, context.Cancel)
            : RunLive(context, live, () => trainer.Run(session.Position, context.Cancel));

        var summary = TrainSummary.Of(session, outcome, recorder, samples.Written);
        run.WriteSummary(summary);
        WriteFooter(context.Out, session, summary);
        return outcome.Cancelled ? ExitCodes.Cancelled : ExitCodes.Success;
    }

    private static TrainingOutcome RunLive(CliContext context, LiveProgressObserver live, Func<TrainingOutcome> train) =>
        ConsoleFactory.Create(context).Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(LiveProgressObserver.Columns())
            .UseRenderHook(live.WithLosses)
            .Start(progress =>
            {
                live.Attach(progress.AddTask("starting", maxValue: 1));
                return train();
            });

    private static void WriteHeader(TextWriter output, TrainSession session, GanTrainer trainer)
    {
        var start = session.Position is { } p ? $", resuming at epoch {p.Epoch + 1} step {p.Step + 1}" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training {session.Model.Name} on {session.Data}: {session.Train.Spec.Describe(session.Train.Count)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{session.Trainer.Epochs} epochs of {trainer.StepsPerEpoch} steps, batch {session.Trainer.BatchSize}, seed {session.Trainer.Seed}{start} -> {session.Run.Path}"));
    }

    private static void WriteFooter(TextWriter output, TrainSession session, TrainSummary summary)
    {
        var perEpoch = summary.SecondsPerEpoch is { } s ? string.Create(CultureInfo.InvariantCulture, $", {s:F1} s per epoch") : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(summary.Cancelled ? "cancelled after" : "done:")} {summary.Steps} steps in {ProgressText.Duration(TimeSpan.FromSeconds(summary.Seconds))}{perEpoch}; {summary.EpochsDone}/{summary.Epochs} epochs complete"));
        if (summary.FinalEpochLosses.Count > 0) output.WriteLine($"last epoch: {ProgressText.Losses(summary.FinalEpochLosses)}");
        foreach (var grid in summary.Grids) output.WriteLine($"grid: {grid}");
        if (summary.LastCheckpoint is { } checkpoint) output.WriteLine($"checkpoint: {checkpoint}");
        output.WriteLine($"summary: {session.Run.File("summary.json")}");
        if (summary.Cancelled)
            output.WriteLine($"continue with: ganaug train {session.Model.Name} --out {session.Run.Path} --resume");
    }
}
