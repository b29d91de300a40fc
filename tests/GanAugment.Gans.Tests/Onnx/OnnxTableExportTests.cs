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

    private static TableWganGp Trained(TableGanLoss loss, TableSoftmax softmax)
    {
        var data = TableToys.Mixed();
        var model = TableToys.Model(data, TableToys.Small with { Loss = loss, Softmax = softmax });
        new GanTrainer(model, data, TableToys.Quick(epochs: 1), null).Run();
        return model;
    }
}
