using System.Text.Json.Serialization;
using GanAugment.Gans.Training;

namespace GanAugment.Cli.Commands.Train;

/// <summary>The <c>summary.json</c> of a training session (a resumed run reports the resumed session).</summary>
internal sealed record TrainSummary(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("epochs")] int Epochs,
    [property: JsonPropertyName("epochs_done")] int EpochsDone,
    [property: JsonPropertyName("resumed_from_epoch")] int? ResumedFromEpoch,
    [property: JsonPropertyName("steps")] int Steps,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("seconds_per_epoch")] double? SecondsPerEpoch,
    [property: JsonPropertyName("final_epoch_losses")] IReadOnlyDictionary<string, float> FinalEpochLosses,
    [property: JsonPropertyName("cancelled")] bool Cancelled,
    [property: JsonPropertyName("last_checkpoint")] string? LastCheckpoint,
    [property: JsonPropertyName("grids")] IReadOnlyList<string> Grids)
{
    public static TrainSummary Of(TrainSession session, TrainingOutcome outcome, RunRecorder recorder, IReadOnlyList<string> grids)
    {
        var last = recorder.Epochs.Count > 0 ? recorder.Epochs[^1] : null;
        return new TrainSummary(
            session.Model.Name,
            session.Data.ManifestText,
            session.Trainer.Epochs,
            outcome.EpochsDone,
            session.Position is null ? null : recorder.StartEpoch,
            outcome.StepsDone,
            Math.Round(outcome.Elapsed.TotalSeconds, 3),
            recorder.Epochs.Count > 0 ? Math.Round(recorder.Epochs.Average(e => e.Duration.TotalSeconds), 3) : null,
            last?.MeanLosses.ToDictionary(p => p.Key, p => p.Value) ?? [],
            outcome.Cancelled,
            outcome.LastCheckpoint,
            grids);
    }
}
