using GanAugment.Data.TimeSeries;
using GanAugment.Data.Writers;

namespace GanAugment.Data.Tests.TimeSeries;

// NOTE: inside the namespace so these helpers win over any same-named ones in GanAugment.Data.Tests.
using GanAugment.Data.Tests.Tables;

public sealed class SequenceScalerTests
{
    private static readonly SequenceDataset Sines = RcganSines.Generate(40, seed: 6, new RcganSineOptions { Features = 3, Length = 12 });

    [Theory]
    [InlineData(PixelRange.MinusOneToOne, -1f)]
    [InlineData(PixelRange.ZeroToOne, 0f)]
    public void Each_feature_spans_the_range_and_comes_back(PixelRange range, float lo)
    {
        var scaler = SequenceScaler.Fit(Sines, range);
        var scaled = scaler.Transform(Sines);
        for (var k = 0; k < 3; k++)
        {
            var feature = scaled.Values.Where((_, i) => i % 3 == k).ToArray();
            Assert.Equal((lo, 1f), (feature.Min(), feature.Max()));
        }
        var back = scaler.InverseTransform(scaled);
        for (var i = 0; i < Sines.Values.Length; i++)
            Assert.True(Math.Abs(Sines.Values[i] - back.Values[i]) <= 1e-6f, $"value {i}: {Sines.Values[i]} came back as {back.Values[i]}");
        Assert.Equal(Sines.Lengths, back.Lengths);
    }

    [Fact]
    public void Fit_ignores_padding_and_a_constant_feature_maps_to_the_bottom_and_back()
    {
        var d = new SequenceDataset([2, 5, 4, 5, /**/ 3, 5, 1000, 1000], 2, 2, 2, lengths: [2, 1], featureNames: ["a", "b"]);
        var scaler = SequenceScaler.Fit(d);
        Assert.Equal([2f, 5], scaler.Min);
        Assert.Equal([4f, 5], scaler.Max);
        var scaled = scaler.Transform(d);
        Assert.Equal([-1f, -1, 1, -1, 0, -1], scaled.Values[..6]);
        Assert.Equal(d.Values[..6], scaler.InverseTransform(scaled).Values[..6]);
        Assert.Equal(["a", "b"], scaled.FeatureNames);
    }

    [Fact]
    public void Json_round_trip_gives_the_same_bits()
    {
        var scaler = SequenceScaler.Fit(Waves.Generate(30, seed: 2), PixelRange.ZeroToOne);
        var json = scaler.ToJson();
        var loaded = SequenceScaler.FromJson(json);
        Assert.Equal(json, loaded.ToJson());
        var random = new Random(1);
        var noise = Enumerable.Range(0, 300).Select(_ => (float)random.NextDouble() * 2 - 0.5f).ToArray();
        var (a, b) = (new float[300], new float[300]);
        scaler.InverseTransform(noise, a);
        loaded.InverseTransform(noise, b);
        Assert.Equal(a, b);
        scaler.Transform(noise, a);
        loaded.Transform(noise, b);
        Assert.Equal(a, b);
        Assert.Equal(PixelRange.ZeroToOne, loaded.Range);
        Assert.Equal(["f0"], loaded.FeatureNames);
    }

    [Fact]
    public void Bad_json_is_one_line_naming_the_source()
    {
        const string Range = "\"format\": 1, \"range\": \"zeroToOne\"";
        void Fails(string json, string start) => OneLineError.Starts(start, () => SequenceScaler.FromJson(json, "s.json"));

        Fails("{", "s.json:1: not a sequence scaler: ");
        Fails("{" + Range + ", \"featureNames\": [\"a\"], \"min\": [1], \"max\": [0]}", "s.json: feature 0 has range [1, 0], not a finite interval");
        Fails("{" + Range + ", \"featureNames\": [], \"min\": [], \"max\": []}", "s.json: a scaler needs as many (at least one)");
        Fails("{" + Range + ", \"featureNames\": [\"a\", \"a\"], \"min\": [0, 0], \"max\": [1, 1]}", "s.json: feature names must be non-empty and distinct");
        Fails("{\"format\": 3, \"range\": \"zeroToOne\", \"featureNames\": [], \"min\": [], \"max\": []}", "s.json: scaler format 3 is not supported");
    }

    [Fact]
    public void Other_feature_counts_are_refused()
    {
        var scaler = SequenceScaler.Fit(Sines);
        Assert.Throws<ArgumentException>(() => scaler.Transform(Waves.Generate(2, seed: 1)));
        Assert.Throws<ArgumentException>(() => scaler.Transform(new float[6], new float[5]));
    }
}
