using System.Text.Json.Nodes;
using GanAugment.Data.Tables;
using GanAugment.Data.Tables.Encoding;

namespace GanAugment.Data.Tests.Tables;

public sealed class TabularTransformerJsonTests
{
    private static void AssertSameBehaviour(TabularTransformer fitted, Table table)
    {
        var json = fitted.ToJson();
        var loaded = TabularTransformer.FromJson(json);
        Assert.Equal(json, loaded.ToJson());
        Assert.Equal(fitted.OutputSpans, loaded.OutputSpans);
        Assert.Equal((fitted.LabelName, fitted.TableName, fitted.OutputWidth), (loaded.LabelName, loaded.TableName, loaded.OutputWidth));

        var encoded = fitted.Transform(table);
        Assert.Equal(Bits(encoded), Bits(loaded.Transform(table)));
        var random = new Random(11);
        var noise = Enumerable.Range(0, 64 * fitted.OutputWidth).Select(_ => (float)Samples.Normal(random)).ToArray();
        TableAssert.Same(fitted.InverseTransform(noise), loaded.InverseTransform(noise), categoryOrder: true);
        TableAssert.Same(fitted.InverseTransform(encoded), loaded.InverseTransform(encoded), categoryOrder: true);
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();

    [Theory]
    [InlineData(NumericEncoding.ModeSpecific, ModeSelection.Sample, false)]
    [InlineData(NumericEncoding.ModeSpecific, ModeSelection.MostProbable, true)]
    [InlineData(NumericEncoding.MinMax, ModeSelection.Sample, true)]
    public void Loaded_transformer_gives_the_same_bits_on_a_mixed_table(NumericEncoding numeric, ModeSelection selection, bool clip)
    {
        var table = TestTables.Mixed(500, seed: 4);
        var options = new TabularTransformerOptions { Numeric = numeric, ModeSelection = selection, ClipToSeenRange = clip, Seed = 9 };
        AssertSameBehaviour(TabularTransformer.Fit(table, options), table);
    }

    [Theory]
    [InlineData(NumericEncoding.ModeSpecific)]
    [InlineData(NumericEncoding.MinMax)]
    public void Loaded_transformer_gives_the_same_bits_on_a_skewed_table(NumericEncoding numeric)
    {
        var table = TestTables.Skewed(800, seed: 2);
        AssertSameBehaviour(TabularTransformer.Fit(table, new TabularTransformerOptions { Numeric = numeric, Seed = 5 }), table);
    }

    [FactWhenFilesExist(RealData.CreditG, RealData.WekaExamples + "/labor.arff")]
    public void Loaded_transformer_gives_the_same_bits_on_credit_g_and_labor()
    {
        foreach (var file in new[] { RealData.CreditG, RealData.WekaExamples + "/labor.arff" })
        {
            var table = ArffReader.Read(file, new ArffReadOptions { LabelColumn = "class" });
            AssertSameBehaviour(TabularTransformer.Fit(table, new TabularTransformerOptions { Seed = 1 }), table);
        }
    }

    [Fact]
    public void Layout_names_kind_offset_width_and_spans_of_every_column()
    {
        var t = TabularTransformer.Fit(TestTables.Skewed(200, seed: 1), new TabularTransformerOptions { Numeric = NumericEncoding.MinMax });
        Assert.Equal([ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Categorical], t.Columns.Select(c => c.Kind));
        var never = t.Layout("never seen");
        Assert.Equal((3, 3), (never.Offset, never.Width));
        Assert.Equal([new OutputSpan(3, 3, 1, OutputSpanKind.TanhScalar), new OutputSpan(3, 4, 2, OutputSpanKind.SoftmaxGroup)], never.Spans);
        Assert.Equal(["tv", "car", "retraining", "repairs"], t.Layout("purpose").Categories);
    }

    private static string Edit(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(TabularTransformer.Fit(TestTables.Mixed(100, seed: 1)).ToJson())!;
        edit(node);
        return node.ToJsonString();
    }

    [Theory]
    [InlineData("{\n  \"format\": 1,\n  oops\n}", "run/t.json:3: not a tabular transformer: ")]
    [InlineData("null", "run/t.json: not a tabular transformer: the JSON is null")]
    [InlineData("{\"format\": 2, \"options\": {}, \"columns\": []}", "run/t.json: transformer format 2 is not supported (this version reads 1)")]
    [InlineData("{\"format\": 1, \"options\": {}, \"columns\": []}", "run/t.json: the transformer has no columns")]
    public void Bad_json_is_one_line_naming_the_source(string json, string start) =>
        OneLineError.Starts(start, () => TabularTransformer.FromJson(json, "run/t.json"));

    [Fact]
    public void Bad_column_state_names_the_column()
    {
        string Fail(Action<JsonNode> edit) => Assert.Throws<DataFormatException>(() => TabularTransformer.FromJson(Edit(edit), "t.json")).Message;

        Assert.Equal("t.json: column 'amount': 'means' is missing", Fail(n => n["columns"]![0]!.AsObject().Remove("means")));
        Assert.StartsWith("t.json: column 'amount': component 0 needs", Fail(n => n["columns"]![0]!["stdDevs"]![0] = -1.0));
        Assert.Equal("t.json: column 'colour': category 'red' is listed twice", Fail(n => n["columns"]![2]!["categories"]![1] = "red"));
        Assert.Equal("t.json: label column 'nope' is not one of the columns", Fail(n => n["labelName"] = "nope"));
        Assert.StartsWith("t.json:1: not a tabular transformer: ", Fail(n => n["columns"]![1]!["encoding"] = "fancy"));
    }
}
