using GanAugment.Data.TimeSeries;

namespace GanAugment.Data.Tests.TimeSeries;

// NOTE: inside the namespace so these helpers win over any same-named ones in GanAugment.Data.Tests.
using GanAugment.Data.Tests.Tables;

public sealed class SequenceCsvWriterTests : IDisposable
{
    private static readonly LongSequenceCsvOptions Long = new() { IdColumn = "id", TimeColumn = "time", LabelColumn = "label", Ragged = RaggedSequences.Pad };

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Three ragged sequences of two awkwardly named features, padded with 0, with awkward labels.</summary>
    internal static SequenceDataset Ragged() => new(
        [1.5f, -0f, 2, 3, 4, 5, /**/ 1e-30f, 7, 0, 0, 0, 0, /**/ 0.1f, float.MaxValue, -8, 9, 0, 0],
        count: 3, length: 3, features: 2, labels: [1, 0, 1], classNames: ["NA", "a,b"], lengths: [3, 1, 2], featureNames: ["x, y", "NA"]);

    /// <summary><see cref="Ragged"/> with two static attributes per sequence, one awkwardly named.</summary>
    internal static SequenceDataset Attributed()
    {
        var d = Ragged();
        return new(d.Values, d.Count, d.Length, d.Features, d.Labels, d.ClassNames, d.Lengths, d.FeatureNames,
            attributes: [63, 1.75f, /**/ -0.5f, 1e-30f, /**/ 40, float.MaxValue], attributeNames: ["age", "h,eight"]);
    }

    internal static void AssertSame(SequenceDataset expected, SequenceDataset actual)
    {
        Assert.Equal((expected.Count, expected.Length, expected.Features), (actual.Count, actual.Length, actual.Features));
        Assert.Equal(expected.Values.Select(BitConverter.SingleToInt32Bits), actual.Values.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(expected.Lengths, actual.Lengths);
        Assert.Equal(expected.FeatureNames, actual.FeatureNames);
        Assert.Equal(expected.HasLabels, actual.HasLabels);
        if (expected.HasLabels)
            Assert.Equal(expected.Labels!.Select(y => expected.ClassNames[y]), actual.Labels!.Select(y => actual.ClassNames[y]));
        Assert.Equal(expected.AttributeNames, actual.AttributeNames);
        Assert.Equal(expected.Attributes?.Select(BitConverter.SingleToInt32Bits), actual.Attributes?.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Long_form_round_trips_ragged_named_labelled_sequences()
    {
        var path = _dir.File("long.csv");
        SequenceCsvWriter.WriteLong(Ragged(), path);
        AssertSame(Ragged(), SequenceCsvReader.ReadLong(path, Long));
    }

    [Fact]
    public void Wide_form_round_trips_ragged_named_labelled_sequences()
    {
        var path = _dir.File("wide.csv");
        SequenceCsvWriter.WriteWide(Ragged(), path);
        var back = SequenceCsvReader.ReadWide(path, new WideSequenceCsvOptions { FeaturesPerStep = 2, LabelColumn = "label", Ragged = RaggedSequences.Pad });
        AssertSame(Ragged(), back);
    }

    [Fact]
    public void Static_attributes_round_trip_in_both_forms()
    {
        SequenceCsvWriter.WriteLong(Attributed(), _dir.File("long.csv"));
        AssertSame(Attributed(), SequenceCsvReader.ReadLong(_dir.File("long.csv"), Long with { AttributeColumns = ["age", "h,eight"] }));
        SequenceCsvWriter.WriteWide(Attributed(), _dir.File("wide.csv"));
        var back = SequenceCsvReader.ReadWide(_dir.File("wide.csv"),
            new WideSequenceCsvOptions { FeaturesPerStep = 2, LabelColumn = "label", AttributeColumns = ["age", "h,eight"], Ragged = RaggedSequences.Pad });
        AssertSame(Attributed(), back);
    }

    [Fact]
    public void Static_attributes_are_written_after_the_values_and_before_the_label()
    {
        SequenceCsvWriter.WriteLong(Attributed().Subset([2]), _dir.File("l.csv"));
        Assert.Equal("id,time,\"x, y\",\"NA\",age,\"h,eight\",label\n0,0,0.1,3.4028235E+38,40,3.4028235E+38,\"a,b\"\n0,1,-8,9,40,3.4028235E+38,\"a,b\"\n",
            File.ReadAllText(_dir.File("l.csv")));
        SequenceCsvWriter.WriteWide(Attributed().Subset([1]), _dir.File("w.csv"));
        Assert.Equal("\"x, y_t0\",NA_t0,\"x, y_t1\",NA_t1,\"x, y_t2\",NA_t2,age,\"h,eight\",label\n1E-30,7,,,,,-0.5,1E-30,\"NA\"\n", File.ReadAllText(_dir.File("w.csv")));
    }

    [Fact]
    public void An_attribute_named_like_the_label_column_is_refused()
    {
        var d = Ragged();
        var clash = new SequenceDataset(d.Values, d.Count, d.Length, d.Features, d.Labels, d.ClassNames, d.Lengths, d.FeatureNames,
            attributes: [1, 2, 3], attributeNames: ["label"]);
        var e = Assert.Throws<ArgumentException>(() => SequenceCsvWriter.WriteWide(clash, _dir.File("x.csv")));
        Assert.StartsWith("column name 'label' would be written twice", e.Message);
        Assert.False(File.Exists(_dir.File("x.csv")));
    }

    [Fact]
    public void Generated_sets_round_trip_in_both_forms()
    {
        var waves = Waves.Generate(20, seed: 3);
        var sines = RcganSines.Generate(10, seed: 4, new RcganSineOptions { Features = 3, Length = 7 });
        SequenceCsvWriter.WriteLong(waves, _dir.File("waves.csv"));
        AssertSame(waves, SequenceCsvReader.ReadLong(_dir.File("waves.csv"), Long with { AttributeColumns = Waves.AttributeNames }));
        SequenceCsvWriter.WriteWide(sines, _dir.File("sines.csv"), new SequenceCsvWriteOptions { Delimiter = ';' });
        AssertSame(sines, SequenceCsvReader.ReadWide(_dir.File("sines.csv"),
            new WideSequenceCsvOptions { Delimiter = ';', FeaturesPerStep = 3, AttributeColumns = RcganSines.AttributeNames(3) }));
    }

    [Fact]
    public void Writes_id_time_features_label_and_step_named_wide_columns()
    {
        SequenceCsvWriter.WriteLong(Ragged(), _dir.File("l.csv"));
        Assert.Equal("id,time,\"x, y\",\"NA\",label\n0,0,1.5,-0,\"a,b\"\n0,1,2,3,\"a,b\"\n0,2,4,5,\"a,b\"\n1,0,1E-30,7,\"NA\"\n2,0,0.1,3.4028235E+38,\"a,b\"\n2,1,-8,9,\"a,b\"\n",
            File.ReadAllText(_dir.File("l.csv")));
        SequenceCsvWriter.WriteWide(Ragged().Subset([1]), _dir.File("w.csv"));
        Assert.Equal("\"x, y_t0\",NA_t0,\"x, y_t1\",NA_t1,\"x, y_t2\",NA_t2,label\n1E-30,7,,,,,\"NA\"\n", File.ReadAllText(_dir.File("w.csv")));
    }

    [Fact]
    public void A_feature_named_like_the_id_column_is_refused()
    {
        var d = new SequenceDataset([1, 2], 1, 2, 1, featureNames: ["id"]);
        var e = Assert.Throws<ArgumentException>(() => SequenceCsvWriter.WriteLong(d, _dir.File("x.csv")));
        Assert.StartsWith("column name 'id' would be written twice", e.Message);
        SequenceCsvWriter.WriteLong(d, _dir.File("x.csv"), new SequenceCsvWriteOptions { IdColumn = "sequence" });
        Assert.Equal(["id"], SequenceCsvReader.ReadLong(_dir.File("x.csv"), new LongSequenceCsvOptions { IdColumn = "sequence", TimeColumn = "time" }).FeatureNames);
    }

    [Fact]
    public void Feature_names_default_to_f0_and_must_match_the_features()
    {
        Assert.Equal(["f0", "f1"], new SequenceDataset(new float[4], 1, 2, 2).FeatureNames);
        Assert.Throws<ArgumentException>(() => new SequenceDataset(new float[4], 1, 2, 2, featureNames: ["a"]));
        Assert.Throws<ArgumentException>(() => new SequenceDataset(new float[4], 1, 2, 2, featureNames: ["a", "a"]));
    }
}
