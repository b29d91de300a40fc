using GanAugment.Data.Tables;
using GanAugment.Gans.Models;
using GanAugment.Gans.Tests.Tables;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Onnx;

/// <summary>The table models exported to ONNX: block activations, Gumbel noise and --where in the graph.</summary>
public class OnnxTableExportTests
{
    public static TheoryData<TableGanLoss, TableSoftmax> Variants => new()
    {
        { TableGanLoss.Wasserstein, TableSoftmax.Softmax },
        { TableGanLoss.NonSaturating, TableSoftmax.Softmax },
        { TableGanLoss.Wasserstein, TableSoftmax.GumbelSoftmax },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void TableGeneratorRunsTheSameInOnnxRuntime(TableGanLoss loss, TableSoftmax softmax)
    {
        var model = Trained(loss, softmax);
        OnnxRoundTrip.AssertSame(model, count: 6, new Rng(4));
    }

    [Fact]
    public void RowsAskedForACategoryKeepItInOnnxRuntime()
    {
        var model = Trained(TableGanLoss.Wasserstein, TableSoftmax.GumbelSoftmax);
        OnnxRoundTrip.AssertSame(model, count: 6, new Rng(4), new TableCondition([1, 0, 1, 1, 0, 0], [("colour", "red")]));
    }

    [Fact]
    public void ATableWithoutDiscreteColumnsHasNoConditionInput()
    {
        var x = Enumerable.Range(0, 40).Select(i => i * 0.5).ToArray();
        var label = Enumerable.Range(0, 40).Select(i => (string?)(i % 4 == 0 ? "bad" : "good")).ToArray();
        var data = new TableData(new Table([new NumericColumn("x", x), new NumericColumn("y", [.. x.Select(v => v * v)]), CategoricalColumn.FromValues("label", label)], "label", "numeric"), "label");
        var model = TableToys.Model(data);
        new GanTrainer(model, data, TableToys.Quick(epochs: 1), null).Run();
        Assert.Equal(["noise", "label"], model.OnnxGenerator()!.Inputs.Select(i => i.Name));
        OnnxRoundTrip.AssertSame(model, count: 4, new Rng(4));
    }

    private static TableWganGp Trained(TableGanLoss loss, TableSoftmax softmax)
    {
        var data = TableToys.Mixed();
        var model = TableToys.Model(data, TableToys.Small with { Loss = loss, Softmax = softmax });
        new GanTrainer(model, data, TableToys.Quick(epochs: 1), null).Run();
        return model;
    }
}
