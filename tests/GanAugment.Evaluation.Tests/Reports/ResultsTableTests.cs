using GanAugment.Data.Writers.Charts;
using GanAugment.Data;
using GanAugment.Evaluation.Reports;
using GanAugment.Evaluation.Statistics;

namespace GanAugment.Evaluation.Tests.Reports;

public sealed class ResultsTableTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ResultsTable Small()
    {
        var table = new ResultsTable();
        table.Set("baseline", "accuracy", new Summary(0.9, 0.01, 5));
        table.Set("baseline", "f1", new Summary(0.85, 0.02, 5));
        table.Set("smote, k=5", "accuracy", new Summary(0.92, 0.015, 5), pValue: 0.031);
        table.Set("bagan", "accuracy", new Summary(0.95, double.NaN, 1), pValue: 0.0004);
        return table;
    }

    [Fact]
    public void Csv_ExactText()
    {
        Assert.Equal(
            """
            method,metric,mean,std,n,p_value
            baseline,accuracy,0.9,0.01,5,
            baseline,f1,0.85,0.02,5,
            "smote, k=5",accuracy,0.92,0.015,5,0.031
            bagan,accuracy,0.95,,1,0.0004

            """.ReplaceLineEndings("\n"),
            Small().ToCsv());
    }

    [Fact]
    public void Markdown_ExactText()
    {
        Assert.Equal(
            """
            | method | accuracy | f1 |
            |---|---:|---:|
            | baseline | 0.9000 ± 0.0100 | 0.8500 ± 0.0200 |
            | smote, k=5 | 0.9200 ± 0.0150 (p=0.031) |  |
            | bagan | 0.9500 (p<0.001) |  |

            """.ReplaceLineEndings("\n"),
            Small().ToMarkdown());
    }

    [Fact]
    public void Csv_QuotesAndRoundTripsNumbers()
    {
        var table = new ResultsTable();
        table.Set("say \"hi\"", "fid", new Summary(0.1 + 0.2, 1e-20, 2));
        Assert.Equal("\"say \"\"hi\"\"\",fid,0.30000000000000004,1E-20,2,\n", table.ToCsv().Split('\n', 2)[1]);
    }

    [Fact]
    public void Markdown_EscapesPipes()
    {
        var table = new ResultsTable();
        table.Set("a|b", "m", new Summary(1, 0, 2));
        Assert.Contains("| a\\|b | 1.00 ± 0.00 |", table.ToMarkdown(decimals: 2));
    }

    [Fact]
    public void CompareWith_FillsWelchPValues()
    {
        var baseline = Summary.Of([0.80, 0.82, 0.81]);
        var better = Summary.Of([0.90, 0.91, 0.93]);
        var table = new ResultsTable();
        table.Set("baseline", "acc", baseline);
        table.Set("gan", "acc", better);
        table.Set("single", "acc", new Summary(0.9, double.NaN, 1), pValue: 0.5);
        table.CompareWith("baseline");
        Assert.Equal(WelchTTest.Compute(better, baseline).PValue, table["gan", "acc"]!.Value.PValue);
        Assert.Null(table["baseline", "acc"]!.Value.PValue);
        Assert.Equal(0.5, table["single", "acc"]!.Value.PValue);
        Assert.Throws<ArgumentException>(() => table.CompareWith("nobody"));
    }

    [Fact]
    public void Save_WritesFilesAndNoTmp()
    {
        var table = Small();
        var csv = Path.Combine(_temp.Path, "results.csv");
        var markdown = Path.Combine(_temp.Path, "results.md");
        table.SaveCsv(csv);
        table.SaveMarkdown(markdown);
        Assert.Equal(table.ToCsv(), File.ReadAllText(csv));
        Assert.Equal(table.ToMarkdown(), File.ReadAllText(markdown));
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp"));
    }

    [Fact]
    public void Save_ToADirectoryPath_OneLineNamingTheFile()
    {
        var error = Assert.Throws<DataFormatException>(() => Small().SaveCsv(_temp.Path));
        Assert.StartsWith(_temp.Path + ": cannot write", error.Message);
        Assert.False(File.Exists(_temp.Path + ".tmp"));
    }
}
