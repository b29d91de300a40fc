namespace GanAugment.Data.Tables.Encoding;

/// <summary>How the mode of a value is chosen when encoding with <see cref="NumericEncoding.ModeSpecific"/>.</summary>
public enum ModeSelection
{
    /// <summary>Draw the mode from its posterior probability (CTGAN), from the transformer's seed.</summary>
    Sample,

    /// <summary>Take the most probable mode.</summary>
    MostProbable,
}
