using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

public sealed class ArffReaderTests : IDisposable
{
    private const string Weather = """
        % The classic weather data, with a few twists
        @RELATION 'weather test'

        @attribute outlook {sunny, overcast, 'light rain'}
        @attribute temperature REAL
        @attribute humidity integer   % a comment after the type
        @attribute 'wind speed' numeric
        @attribute note string
        @attribute "when" date "yyyy-MM-dd"
        @attribute play {yes,no}

        @data
        sunny,85,85,1.5,'it\'s hot',2020-01-01,no
        % a comment row
        'light rain', 70.5 , 96 , ?, "a, b", ?, yes
        overcast,?,86,0,?,2020-01-03,yes   % trailing comment
        ?,64,65,2e1,'tab\there',2020-01-04,yes,{2}
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private Table Read(string content, ArffReadOptions? options = null) => ArffReader.Read(_dir.Write("t.arff", content), options);

    [Fact]
    public void Reads_types_quoting_comments_missing_and_weights()
    {
        var t = Read(Weather, new ArffReadOptions { LabelColumn = "play" });
        Assert.Equal(4, t.RowCount);
        Assert.Equal("weather test", t.Name);
        Assert.Equal(["outlook", "temperature", "humidity", "wind speed", "note", "when", "play"], t.Columns.Select(c => c.Name));

        var outlook = (CategoricalColumn)t["outlook"];
        Assert.Equal(["sunny", "overcast", "light rain"], outlook.Categories);
        Assert.Equal(["sunny", "light rain", "overcast", null], Enumerable.Range(0, 4).Select(r => outlook[r]));

        var temperature = (NumericColumn)t["temperature"];
        Assert.Equal(70.5, temperature[1]);
        Assert.True(temperature.IsMissing(2));
        Assert.True(((NumericColumn)t["humidity"]).IsIntegral);
        Assert.Equal([1.5, double.NaN, 0, 20], ((NumericColumn)t["wind speed"]).Values);

        var note = (CategoricalColumn)t["note"];
        Assert.Equal(["it's hot", "a, b", null, "tab\there"], Enumerable.Range(0, 4).Select(r => note[r]));
        Assert.Equal("2020-01-03", ((CategoricalColumn)t["when"])[2]);

        Assert.Equal("play", t.LabelName);
        Assert.Equal(["yes", "no"], t.ClassLabels().Categories);
        Assert.Equal([3, 1], t.ClassCounts());
    }

    [Fact]
    public void Sparse_rows_default_to_zero_and_first_nominal_value()
    {
        var t = Read("""
            @relation s
            @attribute a numeric
            @attribute b numeric
            @attribute c {x, y}
            @attribute d numeric
            @data
            {1 5, 3 7}
            {2 y}
            {}
            {0 1, 1 2, 2 x, 3 ?},{3}
            """);
        Assert.Equal([0.0, 0, 0, 1], ((NumericColumn)t["a"]).Values);
        Assert.Equal([5.0, 0, 0, 2], ((NumericColumn)t["b"]).Values);
        Assert.Equal(["x", "y", "x", "x"], Enumerable.Range(0, 4).Select(r => ((CategoricalColumn)t["c"])[r]));
        Assert.Equal([7.0, 0, 0, double.NaN], ((NumericColumn)t["d"]).Values);
    }

    [Fact]
    public void Numeric_label_becomes_categorical()
    {
        var t = Read("@relation r\n@attribute x numeric\n@attribute y numeric\n@data\n1,0\n2,1\n3,1\n", new ArffReadOptions { LabelColumn = "y" });
        Assert.Equal(["0", "1"], t.ClassLabels().Categories);
    }

    [Fact]
    public void Overrides_change_column_kinds()
    {
        var t = Read("@relation r\n@attribute code numeric\n@attribute n {1,2,10}\n@data\n7,10\n8,2\n",
            new ArffReadOptions { ForceCategorical = ["code"], ForceNumeric = ["n"] });
        Assert.Equal(["7", "8"], ((CategoricalColumn)t["code"]).Categories);
        Assert.Equal([10.0, 2], ((NumericColumn)t["n"]).Values);
    }

    [Fact]
    public void Unknown_label_lists_attributes()
    {
        var path = _dir.Write("t.arff", Weather);
        var e = Assert.Throws<DataFormatException>(() => ArffReader.Read(path, new ArffReadOptions { LabelColumn = "class" }));
        Assert.Equal($"{path}: label column 'class' not found; columns are: outlook, temperature, humidity, wind speed, note, when, play", e.Message);
    }
}
