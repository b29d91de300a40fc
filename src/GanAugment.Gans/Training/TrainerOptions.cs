namespace GanAugment.Gans.Training;

/// <summary>How the <see cref="GanTrainer"/> runs: schedule, checkpoints, sample grids, seed.</summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 10;

    /// <summary>Images per generator step; an epoch is ⌊N / BatchSize⌋ critic steps.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Write a checkpoint every this many epochs (0: only at the end).</summary>
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>
    /// Also write <c>last.safetensors</c> mid-epoch once this many minutes of training have passed
    /// since the last checkpoint (0: never), so that a hard kill of a model whose epoch takes hours
    /// (DAGAN's takes more than two here) costs at most this much work.
    /// </summary>
    public int CheckpointMinutes { get; init; } = DefaultCheckpointMinutes;

    /// <summary>The default of <see cref="CheckpointMinutes"/>.</summary>
    public const int DefaultCheckpointMinutes = 30;

    /// <summary>
    /// Checkpoint files kept: <c>last.safetensors</c> always, and the epoch file of every epoch that
    /// is a multiple of this (and of the run's final epoch); 0 keeps only those two. A full-size
    /// BAGAN checkpoint is about 51 MB, so keeping every epoch's fills a disk.
    /// </summary>
    public int KeepCheckpoints { get; init; } = DefaultKeepCheckpoints;

    /// <summary>The default of <see cref="KeepCheckpoints"/>: every 10th epoch's.</summary>
    public const int DefaultKeepCheckpoints = 10;

    /// <summary>Write a sample grid every this many epochs (0: never).</summary>
    public int SampleEvery { get; init; } = 1;

    /// <summary>
    /// Generated items per epoch whose mean and standard deviation <c>stats.csv</c> records (0: no
    /// stats.csv). Kept by the run, so a resumed run's rows are over as many samples as the
    /// earlier ones.
    /// </summary>
    public int StatsSamples { get; init; } = 1000;

    /// <summary>Cap on critic steps per epoch (0: the whole epoch), for quick runs and tests.</summary>
    public int MaxStepsPerEpoch { get; init; }

    public ulong Seed { get; init; }

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), $"--epochs must be at least 1, got {Epochs}");
        if (BatchSize < 2) throw new ArgumentOutOfRangeException(nameof(BatchSize), $"--batch-size must be at least 2, got {BatchSize}");
        if (CheckpointEvery < 0) throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), $"--checkpoint-every must be 0 or more, got {CheckpointEvery}");
        if (CheckpointMinutes < 0) throw new ArgumentOutOfRangeException(nameof(CheckpointMinutes), $"--checkpoint-minutes must be 0 or more, got {CheckpointMinutes}");
        if (KeepCheckpoints < 0) throw new ArgumentOutOfRangeException(nameof(KeepCheckpoints), $"--keep-checkpoints must be 0 or more, got {KeepCheckpoints}");
        if (SampleEvery < 0) throw new ArgumentOutOfRangeException(nameof(SampleEvery), $"--sample-every must be 0 or more, got {SampleEvery}");
        if (StatsSamples < 0) throw new ArgumentOutOfRangeException(nameof(StatsSamples), $"--stats-samples must be 0 or more, got {StatsSamples}");
        if (MaxStepsPerEpoch < 0) throw new ArgumentOutOfRangeException(nameof(MaxStepsPerEpoch), $"--max-steps must be 0 or more, got {MaxStepsPerEpoch}");
    }
}
