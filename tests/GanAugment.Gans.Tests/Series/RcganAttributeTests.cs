using System.Text.Json;
using GanAugment.Data.TimeSeries;
using GanAugment.Data.Writers;
using GanAugment.Gans.Models;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Series;

/// <summary>RGAN/RCGAN conditioned on a vector of static attributes per series: scaling, drawing, where it reaches G and D.</summary>
public class RcganAttributeTests
{
    [Fact]
    public void AttributesAreScaledIntoMinusOneToOneByTheirTrainingRangeAndBack()
    {
        var data = SeriesData.Attributed();
        var a = data.Spec.Attributes!;
        Assert.Equal(["age", "height"], a.Names);
        Assert.Equal([20f, 1.5f], a.Min);
        Assert.Equal([70f, 2f], a.Max);
        var scaled = a.Scale([20f, 1.5f, 45f, 2f]);
        Assert.Equal([2, 2], scaled.ShapeArray);
        Assert.Equal([-1f, -1f, 0f, 1f], scaled.ToArray());
        Assert.Equal([20f, 1.5f, 45f, 2f], a.Unscale(scaled));
        var constant = new SeriesAttributes(["k"], [3f], [3f], [3f, 3f], null);
        Assert.Equal([0f], constant.Scale([3f]).ToArray());
        Assert.Equal([3f], constant.Unscale(Tensor.FromArray([0f], 1, 1)));
    }

    [Fact]
    public void ABatchCarriesTheScaledAttributesOfItsSeries()
    {
        var batch = SeriesData.Attributed().Batch([5, 0], PixelRange.MinusOneToOne, 0);
        Assert.Equal([2, 2], batch.Attributes!.ShapeArray);
        Assert.Equal([1f, 1f, -1f, -1f], batch.Attributes.ToArray());
        Assert.Null(SeriesData.Waves(4).Batch([0], PixelRange.MinusOneToOne, 0).Attributes);
    }

    [Fact]
    public void TheSpecKeepsItsAttributesThroughJson()
    {
        DataSpec spec = SeriesData.Attributed().Spec;
        var back = (SequenceSpec)JsonSerializer.Deserialize<DataSpec>(JsonSerializer.Serialize(spec))!;
        Assert.Equal(["age", "height"], back.Attributes!.Names);
        Assert.Equal(((SequenceSpec)spec).Attributes!.Values, back.Attributes.Values);
        Assert.Equal([0, 1, 0, 1, 0, 1], back.Attributes.Labels!);
        Assert.Null(((SequenceSpec)JsonSerializer.Deserialize<DataSpec>(JsonSerializer.Serialize<DataSpec>(SeriesData.Waves(4).Spec))!).Attributes);
    }

    [Fact]
    public void AnAskedSeriesGetsTheAttributesOfARealSeriesOfItsClassWithTheFixedOnesSet()
    {
        var model = SeriesData.Model(SeriesData.Attributed().Spec, 1);
        var labels = Enumerable.Repeat(0, 200).ToArray();
        var drawn = (SeriesCondition)model.Complete(Condition.Of(labels), new Rng(3));
        var ages = model.Attributes!.Unscale(drawn.Attributes!).Where((_, i) => i % 2 == 0).ToArray();
        Assert.Equal([20f, 40f, 60f], ages.Distinct().Order());
        var fixedHeight = (SeriesCondition)model.Complete(new SeriesCondition([1, 1, 1], Where: [("height", 1.75f)]), new Rng(3));
        var values = model.Attributes.Unscale(fixedHeight.Attributes!);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(1.75f, values[2 * i + 1], 5));
        Assert.All(Enumerable.Range(0, 3), i => Assert.Contains(values[2 * i], new[] { 30f, 50f, 70f }));
        Assert.Same(drawn, model.Complete(drawn, new Rng(9)));
        var unknown = Assert.Throws<ArgumentException>(() => model.Complete(new SeriesCondition([0], Where: [("weight", 1f)]), new Rng(3)));
        Assert.Contains("age, height", unknown.Message);
    }

    [Fact]
    public void AnUnconditionalModelDrawsAttributesFromEveryClass()
    {
        var model = SeriesData.Model(SeriesData.Attributed().Spec, 1, "conditional=false");
        var drawn = (SeriesCondition)model.Complete(Condition.Of(new int[300]), new Rng(3));
        var ages = model.Attributes!.Unscale(drawn.Attributes!).Where((_, i) => i % 2 == 0).Distinct().Order();
        Assert.Equal([20f, 30f, 40f, 50f, 60f, 70f], ages);
    }

    [Fact]
    public void AModelWithoutAttributesRefusesToFixOne()
    {
        var model = SeriesData.Model(SeriesData.Waves(4).Spec, 1);
        Assert.Throws<ArgumentException>(() => model.Complete(new SeriesCondition([0], Where: [("age", 1f)]), new Rng(1)));
        var plain = Condition.Of([0]);
        Assert.Same(plain, model.Complete(plain, new Rng(1)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheAttributesChangeGAndDAtEveryStep(bool conditional)
    {
        var data = SeriesData.Attributed(length: 7, features: 2);
        var model = SeriesData.Model(data.Spec, 2, $"conditional={conditional}");
        var z = Tensor.Randn(new Rng(4), [1, 7, model.LatentDim]);
        float[] G(float age)
        {
            var a = model.Attributes!.Scale([age, 2f]);
            using (Autograd.NoGrad()) return model.Generate(z, new SeriesCondition([1], a)).ToArray();
        }
        var (young, old) = (G(20), G(70));
        Assert.All(Enumerable.Range(0, young.Length), k => Assert.NotEqual(young[k], old[k]));
        var x = data.Batch([1], model.Range, 0).X;
        int[]? labels = conditional ? [1] : null;
        var (d0, d1) = (model.Critic(x, labels, model.Attributes!.Scale([20f, 2f])).ToArray(), model.Critic(x, labels, model.Attributes.Scale([70f, 2f])).ToArray());
        Assert.All(Enumerable.Range(0, 7), t => Assert.NotEqual(d0[t], d1[t]));
        Assert.Throws<ArgumentException>(() => model.Generate(z, Condition.Of([1])));
    }

    [Fact]
    public void TrainingStepsReadTheBatchsAttributes()
    {
        var data = SeriesData.Attributed();
        var model = SeriesData.Model(data.Spec, 2, "critic-steps=1");
        var batch = data.Batch([0, 1, 2, 3], model.Range, 0);
        Assert.All(model.CriticStep(batch).Values, v => Assert.True(float.IsFinite(v.Value)));
        Assert.All(model.GeneratorStep(batch, 4).Values, v => Assert.True(float.IsFinite(v.Value)));
        var bare = batch with { Attributes = null };
        Assert.Throws<InvalidOperationException>(() => model.CriticStep(bare));
    }

    [Fact]
    public void SampledSeriesAreDecodedWithTheAttributesTheyWereMadeWith()
    {
        var data = SeriesData.Attributed();
        var model = SeriesData.Model(data.Spec, 2);
        var series = SequenceData.Sample(model, 4, [0, 1, 0, 1], new Rng(5), [("height", 1.6f)]);
        Assert.Equal(["age", "height"], series.AttributeNames);
        Assert.Equal([0, 1, 0, 1], series.Labels!);
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains(series.AttributesOf(i)[0], i % 2 == 0 ? new[] { 20f, 40f, 60f } : [30f, 50f, 70f]);
            Assert.Equal(1.6f, series.AttributesOf(i)[1], 5);
        }
        var again = SequenceData.Sample(model, 4, [0, 1, 0, 1], new Rng(5), [("height", 1.6f)]);
        Assert.Equal(series.Values, again.Values);
        Assert.Equal(series.Attributes, again.Attributes);
    }
}
