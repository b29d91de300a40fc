using GanAugment.Data.TimeSeries;
using GanAugment.Evaluation.Series;

namespace GanAugment.Evaluation.Tests.Series;

public class AttributeReadBackTests
{
    [Fact]
    public void Each_series_takes_the_attributes_of_its_nearest_reference_series()
    {
        // Reference: constant series at 0, 1 and 5 (2 steps), attributes (10, 100), (11, 101), (15, 105).
        var reference = new SequenceDataset([0, 0, 1, 1, 5, 5], 3, 2, 1, attributes: [10, 100, 11, 101, 15, 105], attributeNames: ["a", "b"]);
        var series = new SequenceDataset([0.9f, 1.2f, 4, 4, -3, 0], 3, 2, 1, attributes: [0, 0, 0, 0, 0, 0], attributeNames: ["a", "b"]);
        Assert.Equal([11f, 101f, 15f, 105f, 10f, 100f], AttributeReadBack.ReadBack(reference, series));
    }

    [Fact]
    public void A_wave_s_frequency_reads_back_from_real_waves_and_not_from_waves_given_another_s_frequency()
    {
        var (train, test) = (Waves.Generate(600, 1).WithAttributes(["frequency", "offset"]), Waves.Generate(200, 2).WithAttributes(["frequency", "offset"]));
        // A "generator" that ignores its attributes: real series paired with the attributes of other series.
        var shuffled = Enumerable.Range(0, test.Count).Select(i => (i * 7 + 3) % test.Count).ToArray();
        var ignoring = new SequenceDataset(test.Values, test.Count, test.Length, 1, test.Labels, test.ClassNames,
            attributes: [.. shuffled.SelectMany(j => test.AttributesOf(j).ToArray())], attributeNames: ["frequency", "offset"]);
        var results = AttributeReadBack.Measure(train, test, ignoring);
        Assert.Equal(["frequency", "offset"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.RealTest > 0.5, $"{r.Name}: real test r = {r.RealTest}"));
        Assert.All(results, r => Assert.True(Math.Abs(r.Synthetic) < 0.2, $"{r.Name}: ignoring r = {r.Synthetic}"));
        Assert.Throws<ArgumentException>(() => AttributeReadBack.Measure(train, test.WithAttributes(["offset"]), ignoring));
    }
}
