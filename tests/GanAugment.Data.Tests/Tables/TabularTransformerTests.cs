using GanAugment.Data.Tables;
using GanAugment.Data.Tables.Encoding;

namespace GanAugment.Data.Tests.Tables;

public sealed class TabularTransformerTests
{
    [Theory]
    [InlineData(NumericEncoding.ModeSpecific, ModeSelection.Sample)]
    [InlineData(NumericEncoding.ModeSpecific, ModeSelection.MostProbable)]
    [InlineData(NumericEncoding.MinMax, ModeSelection.Sample)]
    public void Round_trip_is_exact_for_categories_and_within_1e5_for_numbers(NumericEncoding encoding, ModeSelection selection)
    {
        var table = TestTables.Mixed(600, seed: 1);
        var transformer = TabularTransformer.Fit(table, new TabularTransformerOptions { Numeric = encoding, ModeSelection = selection, Seed = 3 });
        var encoded = transformer.Transform(table);
        Assert.Equal(600 * transformer.OutputWidth, encoded.Length);
        TableAssert.Same(table, transformer.InverseTransform(encoded), relative: 1e-5);
    }

    [Fact]
    public void Integral_columns_come_back_as_integers()
    {
        var table = TestTables.Mixed(300, seed: 2);
        var transformer = TabularTransformer.Fit(table);
        var decoded = transformer.InverseTransform(transformer.Transform(table));
        var age = (NumericColumn)decoded["age"];
        Assert.True(age.IsIntegral);
        Assert.Equal(((NumericColumn)table["age"]).Values, age.Values);
    }

    [Fact]
    public void Bimodal_column_gets_two_modes()
    {
        var table = TestTables.Mixed(1000, seed: 3);
        var transformer = TabularTransformer.Fit(table, new TabularTransformerOptions { Seed = 1 });
        var layout = transformer.Layout("amount");
        Assert.Equal(ColumnEncodingKind.ModeSpecific, layout.Encoding);
        Assert.Equal(2, layout.ModeCount);
        Assert.True(layout.HasMissingSlot);
        Assert.Equal(1 + 2 + 1, layout.Width);
        var means = transformer.Mixture("amount").Means.Order().ToArray();
        Assert.InRange(means[0], -5.3, -4.7);
        Assert.InRange(means[1], 9.5, 10.5);
    }

    [Fact]
    public void Output_spans_tile_the_row_with_the_right_kinds()
    {
        var table = TestTables.Mixed(400, seed: 4);
        var transformer = TabularTransformer.Fit(table, new TabularTransformerOptions { Seed = 2 });
        var offset = 0;
        foreach (var span in transformer.OutputSpans)
        {
            Assert.Equal(offset, span.Offset);
            Assert.Equal(span.Kind == OutputSpanKind.TanhScalar, span.Width == 1 && transformer.Columns[span.Column].Encoding != ColumnEncodingKind.OneHot);
            offset += span.Width;
        }
        Assert.Equal(transformer.OutputWidth, offset);

        var colour = transformer.Layout("colour");
        Assert.Equal(["blue", "green", "red"], colour.Categories.Order());
        Assert.Equal(4, colour.Width); // three colours and a missing slot
        var label = transformer.Layout("class");
        Assert.False(label.HasMissingSlot);
        Assert.Equal([(OutputSpanKind.SoftmaxGroup, 2)], label.Spans.Select(s => (s.Kind, s.Width)));
    }

    [Fact]
    public void Encoded_scalars_lie_in_minus_one_one_and_groups_are_one_hot()
    {
        var table = TestTables.Mixed(500, seed: 5);
        var transformer = TabularTransformer.Fit(table, new TabularTransformerOptions { Seed = 4 });
        var data = transformer.Transform(table);
        for (var r = 0; r < table.RowCount; r++)
            foreach (var span in transformer.OutputSpans)
            {
                var values = data.AsSpan(r * transformer.OutputWidth + span.Offset, span.Width);
                if (span.Kind == OutputSpanKind.TanhScalar) Assert.InRange(values[0], -1f, 1f);
                else
                {
                    Assert.Equal(1f, values.ToArray().Sum());
                    Assert.All(values.ToArray(), v => Assert.True(v is 0f or 1f));
                }
            }
    }

    [Fact]
    public void Same_seed_gives_the_same_bits()
    {
        var table = TestTables.Mixed(300, seed: 6);
        var a = TabularTransformer.Fit(table, new TabularTransformerOptions { Seed = 8 });
        var b = TabularTransformer.Fit(table, new TabularTransformerOptions { Seed = 8 });
        Assert.Equal(a.Transform(table), b.Transform(table));
        Assert.Equal(a.Transform(table), a.Transform(table));
    }

    [Fact]
    public void Outliers_far_from_every_mode_still_round_trip()
    {
        // One outlier weighs 1/400, below the 0.005 threshold, so no mode of its own can hold
        // it and the fitted modes do not reach it without the encoder's widening step.
        var values = Samples.Bimodal(400, seed: 7);
        values[0] = 1000;
        var table = new Table([new NumericColumn("x", values)]);
        var transformer = TabularTransformer.Fit(table, new TabularTransformerOptions { Seed = 1 });
        TableAssert.Same(table, transformer.InverseTransform(transformer.Transform(table)), relative: 1e-5);
    }

    [Fact]
    public void Generator_output_decodes_and_clips_to_the_seen_range()
    {
        var table = TestTables.Mixed(300, seed: 8);
        var transformer = TabularTransformer.Fit(table, new TabularTransformerOptions { Seed = 5, ClipToSeenRange = true });
        var random = new Random(1);
        var fake = Enumerable.Range(0, 50 * transformer.OutputWidth).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var decoded = transformer.InverseTransform(fake);
        Assert.Equal(50, decoded.RowCount);
        var amount = (NumericColumn)decoded["amount"];
        var seen = (NumericColumn)table["amount"];
        for (var r = 0; r < 50; r++)
            if (!amount.IsMissing(r)) Assert.InRange(amount[r], seen.Min, seen.Max);
    }

    [Fact]
    public void All_missing_numeric_column_is_kept()
    {
        var table = new Table([new NumericColumn("x", [double.NaN, double.NaN]), new NumericColumn("y", [1, 2])]);
        foreach (var encoding in new[] { NumericEncoding.MinMax, NumericEncoding.ModeSpecific })
        {
            var transformer = TabularTransformer.Fit(table, new TabularTransformerOptions { Numeric = encoding });
            TableAssert.Same(table, transformer.InverseTransform(transformer.Transform(table)), relative: 1e-5);
        }
    }

    [Fact]
    public void Unseen_category_is_a_clear_error()
    {
        var transformer = TabularTransformer.Fit(new Table([CategoricalColumn.FromValues("c", ["a", "b"])]));
        var e = Assert.Throws<DataFormatException>(() => transformer.Transform(new Table([CategoricalColumn.FromValues("c", ["a", "z"])])));
        Assert.Equal("column 'c': category 'z' was not seen when the transformer was fitted", e.Message);
    }

    [Fact]
    public void Missing_value_without_a_missing_slot_is_a_clear_error()
    {
        var transformer = TabularTransformer.Fit(new Table([new NumericColumn("x", [1, 2, 3])]));
        var e = Assert.Throws<DataFormatException>(() => transformer.Transform(new Table([new NumericColumn("x", [1, double.NaN])])));
        Assert.Equal("column 'x' has missing values but had none when the transformer was fitted", e.Message);
    }

    [Fact]
    public void Table_with_other_columns_is_a_clear_error()
    {
        var transformer = TabularTransformer.Fit(new Table([new NumericColumn("x", [1, 2])]));
        Assert.Equal("column 'x' of the fitted table is missing; columns are: y",
            Assert.Throws<DataFormatException>(() => transformer.Transform(new Table([new NumericColumn("y", [1])]))).Message);
        Assert.Equal("column 'x' is categorical but was numeric when the transformer was fitted",
            Assert.Throws<DataFormatException>(() => transformer.Transform(new Table([CategoricalColumn.FromValues("x", ["a"])]))).Message);
    }

    [Fact]
    public void Inverse_rejects_partial_rows()
    {
        var transformer = TabularTransformer.Fit(new Table([CategoricalColumn.FromValues("c", ["a", "b"])]));
        Assert.Throws<ArgumentException>(() => transformer.InverseTransform(new float[3]));
    }
}
