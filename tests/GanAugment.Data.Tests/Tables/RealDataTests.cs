using GanAugment.Data.Tables;
using GanAugment.Data.Tables.Encoding;

namespace GanAugment.Data.Tests.Tables;

/// <summary>Loads the real data sets of the development machine; skipped where they are absent.</summary>
public sealed class RealDataTests
{
    [FactWhenFilesExist(RealData.CreditG)]
    public void Credit_g_has_1000_rows_20_attributes_and_a_70_30_class()
    {
        var t = ArffReader.Read(RealData.CreditG, new ArffReadOptions { LabelColumn = "class" });
        Assert.Equal(1000, t.RowCount);
        Assert.Equal(20, t.Features.Count());
        Assert.Equal(7, t.Features.Count(c => c.Kind == ColumnKind.Numeric));
        Assert.Equal(["good", "bad"], t.ClassLabels().Categories);
        Assert.Equal([700, 300], t.ClassCounts());
        Assert.Equal(["<0", "0<=X<200", ">=200", "no checking"], ((CategoricalColumn)t["checking_status"]).Categories);
        Assert.Equal(67.0, ((NumericColumn)t["age"])[0]);
        Assert.All(t.Columns, c => Assert.Equal(0, c.MissingCount()));
    }

    [FactWhenFilesExist(RealData.CreditG)]
    public void Credit_g_round_trips_through_the_transformer_and_csv()
    {
        var t = ArffReader.Read(RealData.CreditG, new ArffReadOptions { LabelColumn = "class" });
        var transformer = TabularTransformer.Fit(t, new TabularTransformerOptions { Seed = 1 });
        var back = transformer.InverseTransform(transformer.Transform(t));
        foreach (var column in t.Columns)
        {
            if (column is CategoricalColumn c) Assert.Equal(c.Codes, ((CategoricalColumn)back[c.Name]).Codes);
            else Assert.Equal(((NumericColumn)column).Values, ((NumericColumn)back[column.Name]).Values); // integral columns round back exactly
        }

        using var dir = new TempDir();
        var path = dir.File("credit-g.csv");
        CsvTableWriter.Write(t, path);
        var csv = CsvTableReader.Read(path, new CsvReadOptions { LabelColumn = "class" });
        Assert.Equal(t.Columns.Select(c => c.Kind), csv.Columns.Select(c => c.Kind));
        Assert.Equal(((CategoricalColumn)t["purpose"]).Codes.Select(k => ((CategoricalColumn)t["purpose"]).Categories[k]),
            ((CategoricalColumn)csv["purpose"]).Codes.Select(k => ((CategoricalColumn)csv["purpose"]).Categories[k]));
    }

    [FactWhenFilesExist(RealData.CreditG)]
    public void Every_weka_example_arff_reads()
    {
        foreach (var file in Directory.GetFiles(RealData.WekaExamples, "*.arff").Order())
        {
            var t = ArffReader.Read(file);
            Assert.True(t.RowCount > 0, file);
        }
    }

    [FactWhenFilesExist(RealData.ThyroidTrain, RealData.ThyroidTest)]
    public void Thyroid_has_3600_rows_21_inputs_and_3_classes()
    {
        var train = FannDataReader.Read(RealData.ThyroidTrain);
        Assert.Equal(3600, train.RowCount);
        Assert.Equal(21, train.Features.Count());
        Assert.Equal([89, 192, 3319], train.ClassCounts());
        var test = FannDataReader.Read(RealData.ThyroidTest);
        Assert.Equal([77, 176, 3347], test.ClassCounts());
    }

    [FactWhenFilesExist(RealData.SklearnIris, RealData.SklearnBreastCancer)]
    public void Sklearn_csv_files_read_after_their_summary_line()
    {
        var options = new CsvReadOptions { SkipLines = 1, HasHeader = false };
        var iris = CsvTableReader.Read(RealData.SklearnIris, options with { LabelColumn = "col5" });
        Assert.Equal(150, iris.RowCount);
        Assert.Equal(4, iris.Features.Count(c => c.Kind == ColumnKind.Numeric));
        Assert.Equal([50, 50, 50], iris.ClassCounts());

        var cancer = CsvTableReader.Read(RealData.SklearnBreastCancer, options with { LabelColumn = "col31" });
        Assert.Equal(569, cancer.RowCount);
        Assert.Equal(30, cancer.Features.Count());
        Assert.Equal([212, 357], cancer.ClassCounts());
    }
}
