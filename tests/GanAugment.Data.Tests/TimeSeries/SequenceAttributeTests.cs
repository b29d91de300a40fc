using GanAugment.Data.TimeSeries;

namespace GanAugment.Data.Tests.TimeSeries;

public sealed class SequenceAttributeTests
{
    /// <summary>Three labelled sequences of two steps with the attributes age, height and weight.</summary>
    private static SequenceDataset People() => new(
        [1, 2, /**/ 3, 4, /**/ 5, 6], count: 3, length: 2, features: 1, labels: [0, 1, 0], classNames: ["a", "b"], lengths: [2, 1, 2],
        featureNames: ["pulse"], attributes: [63, 1.8f, 80, /**/ 40, 1.6f, 55, /**/ 25, 1.7f, 70], attributeNames: ["age", "height", "weight"]);

    private static SequenceDataset With(float[]? attributes, IReadOnlyList<string>? names) =>
        new(new float[4], count: 2, length: 2, features: 1, attributes: attributes, attributeNames: names);

    [Fact]
    public void Sequences_have_no_attributes_unless_given()
    {
        var d = new SequenceDataset(new float[4], 2, 2, 1);
        Assert.False(d.HasAttributes);
        Assert.Null(d.Attributes);
        Assert.Empty(d.AttributeNames);
        Assert.Equal(0, d.AttributeCount);
        Assert.True(d.AttributesOf(1).IsEmpty);
    }

    [Fact]
    public void Each_sequence_has_its_own_attribute_vector()
    {
        var d = People();
        Assert.True(d.HasAttributes);
        Assert.Equal(3, d.AttributeCount);
        Assert.Equal([40f, 1.6f, 55], d.AttributesOf(1).ToArray());
    }

    [Fact]
    public void The_constructor_checks_the_attributes_against_their_names()
    {
        Assert.Throws<ArgumentException>(() => With([1, 2], null));
        Assert.Throws<ArgumentException>(() => With(null, ["age"]));
        Assert.Throws<ArgumentException>(() => With([], []));
        Assert.Throws<ArgumentException>(() => With([1, 2, 3], ["age"]));
        Assert.Throws<ArgumentException>(() => With([1, 2, 3, 4], ["age", "age"]));
        Assert.Throws<ArgumentException>(() => With([1, 2, 3, 4], ["age", ""]));
        Assert.Throws<ArgumentException>(() => With([1, float.NaN], ["age"]));
        Assert.Throws<ArgumentException>(() => With([1, float.PositiveInfinity], ["age"]));
        Assert.Equal([1f, 2], With([1, 2], ["age"]).Attributes!);
    }

    [Fact]
    public void Subset_carries_the_attributes_of_the_sequences_it_picks()
    {
        var d = People().Subset([2, 0]);
        Assert.Equal(["age", "height", "weight"], d.AttributeNames);
        Assert.Equal([25f, 1.7f, 70, /**/ 63, 1.8f, 80], d.Attributes!);
        Assert.False(new SequenceDataset(new float[4], 2, 2, 1).Subset([1]).HasAttributes);
    }

    [Fact]
    public void WithAttributes_keeps_the_named_ones_in_that_order_and_everything_else()
    {
        var d = People().WithAttributes(["weight", "age"]);
        Assert.Equal(["weight", "age"], d.AttributeNames);
        Assert.Equal([80f, 63, /**/ 55, 40, /**/ 70, 25], d.Attributes!);
        Assert.Equal(People().Values, d.Values);
        Assert.Equal([0, 1, 0], d.Labels!);
        Assert.Equal(["a", "b"], d.ClassNames);
        Assert.Equal([2, 1, 2], d.Lengths);
        Assert.Equal(["pulse"], d.FeatureNames);
    }

    [Fact]
    public void WithAttributes_of_none_drops_them()
    {
        var d = People().WithAttributes([]);
        Assert.False(d.HasAttributes);
        Assert.Empty(d.AttributeNames);
        Assert.Equal([0, 1, 0], d.Labels!);
        Assert.Equal([2, 1, 2], d.Lengths);
    }

    [Fact]
    public void WithAttributes_of_an_unknown_name_lists_the_attributes_there_are()
    {
        var e = Assert.Throws<ArgumentException>(() => People().WithAttributes(["age", "sex"]));
        Assert.Equal("no static attribute 'sex'; the attributes are: age, height, weight", e.Message);
        e = Assert.Throws<ArgumentException>(() => new SequenceDataset(new float[4], 2, 2, 1).WithAttributes(["age"]));
        Assert.Equal("no static attribute 'age'; the sequences have none", e.Message);
    }
}
