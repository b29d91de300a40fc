namespace GanAugment.Data.TimeSeries;

/// <summary>What a sequence reader does with sequences shorter than the longest.</summary>
public enum RaggedSequences
{
    /// <summary>An error naming the line of the first short sequence.</summary>
    Reject,

    /// <summary>Pad at the end with the pad value; <see cref="SequenceDataset.Lengths"/> keeps the real lengths.</summary>
    Pad,
}
