using GanAugment.Data.TimeSeries;

namespace GanAugment.Data.Tests.TimeSeries;

// NOTE: inside the namespace so these helpers win over any same-named ones in GanAugment.Data.Tests.
using GanAugment.Data.Tests.Tables;

public sealed class SequenceCsvReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Fail(Func<string, SequenceDataset> read, string content)
    {
        var path = _dir.Write("bad.csv", content);
        var e = Assert.Throws<DataFormatException>(() => read(path));
        return e.Message[path.Length..];
    }

    [Fact]
    public void Wide_rows_become_sequences_with_labels()
    {
        var path = _dir.Write("w.csv", "id,t0,t1,t2,kind\n7,1,2,3,up\n8,3,2,1,down\n9,0,1,2,up\n");
        var d = SequenceCsvReader.ReadWide(path, new WideSequenceCsvOptions { LabelColumn = "kind", IgnoreColumns = ["id"] });
        Assert.Equal((3, 3, 1), (d.Count, d.Length, d.Features));
        Assert.Equal([3f, 2, 1], d.Sequence(1).ToArray());
        Assert.Equal(["down", "up"], d.ClassNames);
        Assert.Equal([1, 0, 1], d.Labels!);
        Assert.Equal([1, 2], d.ClassCounts());
    }

    [Fact]
    public void Wide_rows_with_several_features_per_step()
    {
        var path = _dir.Write("w.csv", "x0,y0,x1,y1\n1,10,2,20\n");
        var d = SequenceCsvReader.ReadWide(path, new WideSequenceCsvOptions { FeaturesPerStep = 2 });
        Assert.Equal((1, 2, 2), (d.Count, d.Length, d.Features));
        Assert.Equal([1f, 10, 2, 20], d.Values);
        Assert.Equal(["f0", "f1"], d.FeatureNames);
        Assert.False(d.HasLabels);
        Assert.False(d.HasAttributes);
        Assert.Empty(d.AttributeNames);
    }

    [Fact]
    public void Short_wide_sequences_are_rejected_by_default()
    {
        Assert.Equal(":3: sequence has 2 steps but the longest has 3 (pad ragged sequences by option)",
            Fail(p => SequenceCsvReader.ReadWide(p), "a,b,c\n1,2,3\n4,5,\n"));
    }

    [Fact]
    public void Short_wide_sequences_can_be_padded()
    {
        var path = _dir.Write("w.csv", "a,b,c\n1,2,3\n4,5,\n6,,\n");
        var d = SequenceCsvReader.ReadWide(path, new WideSequenceCsvOptions { Ragged = RaggedSequences.Pad, PadValue = -9 });
        Assert.Equal([1f, 2, 3, 4, 5, -9, 6, -9, -9], d.Values);
        Assert.Equal([3, 2, 1], d.Lengths);
    }

    [Fact]
    public void Wide_gap_in_the_middle() =>
        Assert.Equal(":2: a gap in the middle of the sequence in column 'b'", Fail(p => SequenceCsvReader.ReadWide(p), "a,b,c\n1,,3\n"));

    [Fact]
    public void Wide_non_number() =>
        Assert.Equal(":3: column 'b' holds 'x', not a number", Fail(p => SequenceCsvReader.ReadWide(p), "a,b\n1,2\n3,x\n"));

    [Fact]
    public void Wide_ragged_csv_row() =>
        Assert.Equal(":3: row has 3 fields but the header has 2", Fail(p => SequenceCsvReader.ReadWide(p), "a,b\n1,2\n3,4,5\n"));

    [Fact]
    public void Wide_incomplete_step() =>
        Assert.Equal(":2: the last step has 1 of 2 features",
            Fail(p => SequenceCsvReader.ReadWide(p, new WideSequenceCsvOptions { FeaturesPerStep = 2, Ragged = RaggedSequences.Pad }), "a,b,c,d\n1,2,3,\n"));

    [Fact]
    public void Wide_missing_label() =>
        Assert.Equal(":3: the sequence has no label",
            Fail(p => SequenceCsvReader.ReadWide(p, new WideSequenceCsvOptions { LabelColumn = "y" }), "a,y\n1,p\n2,\n"));

    [Fact]
    public void Wide_unknown_label_lists_columns() =>
        Assert.Equal(": label column 'kind' not found; columns are: a, b",
            Fail(p => SequenceCsvReader.ReadWide(p, new WideSequenceCsvOptions { LabelColumn = "kind" }), "a,b\n1,2\n"));

    [Fact]
    public void Wide_static_attributes_are_read_in_the_options_order_and_are_not_values()
    {
        var path = _dir.Write("w.csv", "id,age,t0,t1,height,kind\n7,63,1,2,1.8,up\n8,40,3,4,1.6,down\n");
        var d = SequenceCsvReader.ReadWide(path, new WideSequenceCsvOptions { LabelColumn = "kind", IgnoreColumns = ["id"], AttributeColumns = ["height", "age"] });
        Assert.Equal((2, 2, 1), (d.Count, d.Length, d.Features));
        Assert.Equal([1f, 2, 3, 4], d.Values);
        Assert.Equal(["height", "age"], d.AttributeNames);
        Assert.Equal([1.8f, 63, 1.6f, 40], d.Attributes!);
        Assert.Equal([1.6f, 40], d.AttributesOf(1).ToArray());
    }

    [Fact]
    public void Wide_empty_attribute() =>
        Assert.Equal(":3: the static attribute 'age' is empty",
            Fail(p => SequenceCsvReader.ReadWide(p, new WideSequenceCsvOptions { AttributeColumns = ["age"] }), "age,t0\n63,1\n,2\n"));

    [Fact]
    public void Wide_non_number_attribute() =>
        Assert.Equal(":2: column 'age' holds 'x', not a number",
            Fail(p => SequenceCsvReader.ReadWide(p, new WideSequenceCsvOptions { AttributeColumns = ["age"] }), "age,t0\nx,1\n"));

    [Fact]
    public void Wide_attribute_that_is_also_the_label() =>
        Assert.Equal(": column 'age' is both a static attribute and the label column",
            Fail(p => SequenceCsvReader.ReadWide(p, new WideSequenceCsvOptions { LabelColumn = "age", AttributeColumns = ["age"] }), "age,t0\n63,1\n"));

    [Fact]
    public void Wide_unknown_attribute_lists_columns() =>
        Assert.Equal(": attribute column 'agee' not found; columns are: age, t0",
            Fail(p => SequenceCsvReader.ReadWide(p, new WideSequenceCsvOptions { AttributeColumns = ["agee"] }), "age,t0\n63,1\n"));

    [Fact]
    public void Long_rows_group_by_id_and_sort_by_time()
    {
        var path = _dir.Write("l.csv", "id,t,v,w,y\nb,2,20,0.2,neg\na,10,1,0.1,pos\nb,1,10,0.1,neg\na,9,0,0,pos\n");
        var d = SequenceCsvReader.ReadLong(path, new LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "t", LabelColumn = "y" });
        Assert.Equal((2, 2, 2), (d.Count, d.Length, d.Features));
        Assert.Equal([10f, 0.1f, 20, 0.2f], d.Sequence(0).ToArray()); // "b" first: order of first appearance
        Assert.Equal([0f, 0, 1, 0.1f], d.Sequence(1).ToArray());       // 9 before 10: numeric, not text, order
        Assert.Equal(["neg", "pos"], d.ClassNames);
        Assert.Equal([0, 1], d.Labels!);
        Assert.False(d.HasAttributes);
    }

    [Fact]
    public void Long_static_attributes_are_one_number_per_sequence_and_not_values()
    {
        var path = _dir.Write("l.csv", "id,t,v,age,y\nb,2,20,40,neg\na,10,1,63,pos\nb,1,10,40.0,neg\na,9,0,6.3e1,pos\n");
        var d = SequenceCsvReader.ReadLong(path, new LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "t", LabelColumn = "y", AttributeColumns = ["age"] });
        Assert.Equal((2, 2, 1), (d.Count, d.Length, d.Features));
        Assert.Equal(["v"], d.FeatureNames);
        Assert.Equal([10f, 20, 0, 1], d.Values);
        Assert.Equal(["age"], d.AttributeNames);
        Assert.Equal([40f, 63], d.Attributes!); // the same number however it is written
    }

    [Fact]
    public void Long_attribute_changing_within_a_sequence() =>
        Assert.Equal(":5: the static attribute 'age' changes within a sequence (was '63')",
            Fail(p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { IdColumn = "id", AttributeColumns = ["age"] }), "id,v,age\na,1,63\na,2,63\nb,3,50\na,4,64\n"));

    [Fact]
    public void Long_empty_attribute() =>
        Assert.Equal(":3: the static attribute 'age' is empty",
            Fail(p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { IdColumn = "id", AttributeColumns = ["age"] }), "id,v,age\na,1,63\na,2,NA\n"));

    [Fact]
    public void Long_non_number_attribute() =>
        Assert.Equal(":3: column 'age' holds 'x', not a number",
            Fail(p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { IdColumn = "id", AttributeColumns = ["age"] }), "id,v,age\na,1,63\nb,2,x\n"));

    [Fact]
    public void Long_attribute_that_is_also_a_value_column() =>
        Assert.Equal(": column 'age' is both a static attribute and a value column",
            Fail(p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { ValueColumns = ["v", "age"], AttributeColumns = ["age"] }), "v,age\n1,63\n"));

    [Fact]
    public void Long_attribute_named_twice() =>
        Assert.Equal(": the static attribute 'age' is named twice",
            Fail(p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { AttributeColumns = ["age", "age"] }), "v,age\n1,63\n"));

    [Fact]
    public void Long_text_times_sort_ordinally()
    {
        var path = _dir.Write("l.csv", "id,date,v\n1,2020-03-01,3\n1,2020-01-01,1\n1,2020-02-01,2\n");
        var d = SequenceCsvReader.ReadLong(path, new LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "date" });
        Assert.Equal([1f, 2, 3], d.Values);
    }

    [Fact]
    public void Long_without_id_is_one_sequence_with_chosen_values()
    {
        var path = _dir.Write("l.csv", "year,a,b\n2001,1,5\n2002,2,6\n");
        var d = SequenceCsvReader.ReadLong(path, new LongSequenceCsvOptions { ValueColumns = ["b"] });
        Assert.Equal((1, 2, 1), (d.Count, d.Length, d.Features));
        Assert.Equal([5f, 6], d.Values);
    }

    [Fact]
    public void Long_ragged_is_rejected_or_padded()
    {
        const string content = "id,v\na,1\na,2\nb,3\n";
        Assert.Equal(":4: sequence has 1 steps but the longest has 2 (pad ragged sequences by option)",
            Fail(p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { IdColumn = "id" }), content));
        var d = SequenceCsvReader.ReadLong(_dir.Write("ok.csv", content), new LongSequenceCsvOptions { IdColumn = "id", Ragged = RaggedSequences.Pad });
        Assert.Equal([1f, 2, 3, 0], d.Values);
        Assert.Equal([2, 1], d.Lengths);
    }

    [Fact]
    public void Long_repeated_time() =>
        Assert.Equal(":4: time '1' repeats within a sequence",
            Fail(p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "t" }), "id,t,v\na,1,1\na,2,2\na,1,3\n"));

    [Fact]
    public void Long_label_changing_within_a_sequence() =>
        Assert.Equal(":3: the label changes within a sequence (was 'x')",
            Fail(p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { IdColumn = "id", LabelColumn = "y" }), "id,v,y\na,1,x\na,2,z\n"));

    [Fact]
    public void Long_missing_value() =>
        Assert.Equal(":3: a missing value in column 'v'",
            Fail(p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { IdColumn = "id" }), "id,v\na,1\na,NA\n"));

    [Fact]
    public void Long_empty_id() =>
        Assert.Equal(":2: the id column 'id' is empty",
            Fail(p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { IdColumn = "id" }), "id,v\n,1\n"));

    [Fact]
    public void Long_unknown_id_lists_columns() =>
        Assert.Equal(": id column 'key' not found; columns are: id, v",
            Fail(p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { IdColumn = "key" }), "id,v\na,1\n"));

    [Fact]
    public void Long_padding_is_capped() =>
        Assert.StartsWith(": 3 sequences padded to 3 steps would hold 9 values, more than the limit of 8",
            Fail(p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { IdColumn = "id", Ragged = RaggedSequences.Pad, MaxPaddedValues = 8 }),
                "id,v\na,1\na,2\na,3\nb,1\nc,1\n"));

    [Fact]
    public void Readers_only_throw_data_format_errors_on_corrupt_files()
    {
        var wide = System.Text.Encoding.UTF8.GetBytes("id,t0,t1,t2,kind\n7,1,2,3,up\n8,3.5,,,down\n9,0,1e2,2,\"up\"\n");
        var rejected = Corruptions.AssertOnlyDataFormatErrors(wide, _dir.File("w.csv"), count: 300, seed: 21,
            p => SequenceCsvReader.ReadWide(p, new WideSequenceCsvOptions { LabelColumn = "kind", IgnoreColumns = ["id"], Ragged = RaggedSequences.Pad }));
        Assert.InRange(rejected, 30, 300);
        var longForm = System.Text.Encoding.UTF8.GetBytes("id,t,v,y\nb,2,20,neg\na,10,1,pos\nb,1,10,neg\na,9,0,pos\nc,1,5,neg\n");
        rejected = Corruptions.AssertOnlyDataFormatErrors(longForm, _dir.File("l.csv"), count: 300, seed: 22,
            p => SequenceCsvReader.ReadLong(p, new LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "t", LabelColumn = "y", Ragged = RaggedSequences.Pad }));
        Assert.InRange(rejected, 30, 300);
    }
}
