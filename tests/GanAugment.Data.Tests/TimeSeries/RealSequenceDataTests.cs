using GanAugment.Data.TimeSeries;

namespace GanAugment.Data.Tests.TimeSeries;

// NOTE: inside the namespace so these helpers win over any same-named ones in GanAugment.Data.Tests.
using GanAugment.Data.Tests.Tables;

/// <summary>Loads statsmodels' time-series CSVs; skipped where they are absent.</summary>
public sealed class RealSequenceDataTests
{
    [FactWhenFilesExist(RealData.StatsmodelsElNino)]
    public void El_nino_years_are_61_wide_sequences_of_12_months()
    {
        var d = SequenceCsvReader.ReadWide(RealData.StatsmodelsElNino, new WideSequenceCsvOptions { IgnoreColumns = ["YEAR"] });
        Assert.Equal((61, 12, 1), (d.Count, d.Length, d.Features));
        Assert.Equal(23.11f, d.Values[0]);
        Assert.All(d.Values, v => Assert.InRange(v, 15f, 35f)); // sea surface temperatures in °C
    }

    [FactWhenFilesExist(RealData.StatsmodelsSunspots)]
    public void Sunspots_are_one_long_sequence_of_309_years()
    {
        var d = SequenceCsvReader.ReadLong(RealData.StatsmodelsSunspots, new LongSequenceCsvOptions { TimeColumn = "YEAR" });
        Assert.Equal((1, 309, 1), (d.Count, d.Length, d.Features));
        Assert.Equal([5f, 11, 16], d.Values[..3]);
    }
}
