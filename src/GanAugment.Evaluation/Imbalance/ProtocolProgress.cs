using GanAugment.Gans.Training;

namespace GanAugment.Evaluation.Imbalance;

/// <summary>
/// A stage of the imbalance protocol: training a method's generator (<c>train bagan</c>, <c>train
/// gan on class 3</c>) or training and scoring a method's classifier (<c>classifier</c>), for one
/// of the seeds (1-based).
/// </summary>
public sealed record ProtocolStage(string Name, int Seed, int Seeds, string Method)
{
    /// <summary>Whether the stage trains a GAN (its progress then arrives through observers).</summary>
    public bool TrainsGenerator { get; init; }

    public override string ToString() => $"seed {Seed}/{Seeds} {Method}: {Name}";
}

/// <summary>
/// Where <see cref="ImbalanceProtocol"/> reports: each stage's start and end (one progress display
/// per stage) and the detail (training-set counts, per-epoch losses of the GANs, per-seed scores),
/// which belongs in a log rather than on the console.
/// </summary>
public interface IProtocolProgress
{
    /// <summary>A stage starts; the observers returned follow its GAN's training (none for a classifier stage).</summary>
    IReadOnlyList<ITrainingObserver> StageStarted(ProtocolStage stage);

    /// <summary>A stage is done; <paramref name="result"/> is one short line (scores, or the generator's time).</summary>
    void StageEnded(ProtocolStage stage, string result);

    /// <summary>One line of detail.</summary>
    void Detail(string line);
}

/// <summary>Every stage and detail line to one writer, in order (for tests and for callers without a console).</summary>
public sealed class LineProgress(Action<string> write) : IProtocolProgress
{
    public IReadOnlyList<ITrainingObserver> StageStarted(ProtocolStage stage)
    {
        write($"{stage} ...");
        return [];
    }

    public void StageEnded(ProtocolStage stage, string result) => write($"{stage}: {result}");

    public void Detail(string line) => write(line);
}
