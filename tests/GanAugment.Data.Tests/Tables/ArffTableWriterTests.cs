using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

public sealed class ArffTableWriterTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Round_trip_keeps_relation_names_category_order_values_and_missing()
    {
        var table = TestTables.Awkward(300, seed: 5);
        var path = _dir.File("out.arff");
        ArffTableWriter.Write(table, path);
        var back = ArffReader.Read(path, new ArffReadOptions { LabelColumn = "grade" });
        Assert.Equal("awkward relation", back.Name);
        TableAssert.Same(table, back, categoryOrder: true);
    }

    [Fact]
    public void Writes_the_header_then_one_line_per_row()
    {
        var table = new Table([new NumericColumn("n", [1.5, double.NaN]), CategoricalColumn.FromValues("c", ["b", null], ["b", "a b"])], "c", "rel");
        var path = _dir.File("small.arff");
        ArffTableWriter.Write(table, path);
        Assert.Equal("@relation rel\n\n@attribute n numeric\n@attribute c {b,'a b'}\n\n@data\n1.5,b\n?,?\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_column_without_categories_becomes_a_string_attribute()
    {
        var table = new Table([CategoricalColumn.FromValues("empty", [null, null]), new NumericColumn("n", [1, 2])]);
        var path = _dir.File("empty.arff");
        ArffTableWriter.Write(table, path);
        var back = ArffReader.Read(path);
        Assert.Equal("empty", back.Name);
        TableAssert.Same(table, back, categoryOrder: true);
    }

    [FactWhenFilesExist(RealData.CreditG)]
    public void Every_weka_example_round_trips()
    {
        foreach (var file in Directory.GetFiles(RealData.WekaExamples, "*.arff").Order())
        {
            var table = ArffReader.Read(file);
            var path = _dir.File(Path.GetFileName(file));
            ArffTableWriter.Write(table, path);
            var back = ArffReader.Read(path);
            Assert.Equal(table.Name, back.Name);
            TableAssert.Same(table, back, categoryOrder: true);
        }
    }
}
