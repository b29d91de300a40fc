using GanAugment.Data.Tables;
using GanAugment.Evaluation.Tables;

namespace GanAugment.Evaluation.Tests.Tables;

public class TableClassifierTests
{
    [Fact]
    public void FeaturesAreStandardisedNumbersAndOneHotCategories()
    {
        var fit = new Table([new NumericColumn("x", [1, 3]), CategoricalColumn.FromValues("c", ["u", "v"]), CategoricalColumn.FromValues("y", ["p", "q"])]);
        var other = new Table([new NumericColumn("x", [5, double.NaN]), CategoricalColumn.FromValues("c", ["v", "w"]), CategoricalColumn.FromValues("y", ["q", "q"])]);
        var features = TableFeatures.Fit(fit, "y");
        // mean 2, population std 1; "w" is unseen: all zeros; a missing number is the mean
        Assert.Equal(3, features.Width);
        Assert.Equal([[3f, 0f, 1f], [0f, 0f, 0f]], features.Transform(other));
    }

    [Theory]
    [InlineData(TableLearner.GradientBoostedTrees)]
    [InlineData(TableLearner.LogisticRegression)]
    public void BothLearnersSeparateTheTestClassesAndAreDeterministic(TableLearner learner)
    {
        var train = TableTestData.Make(300, 1);
        var test = TableTestData.Make(150, 2);
        var features = TableFeatures.Fit(train, "class");
        var labels = ClassLabels.Of(train, "class");
        var a = TableClassifier.Train(learner, features.Transform(train), labels.Of(train, "class", "train"), 2, 7);
        var b = TableClassifier.Train(learner, features.Transform(train), labels.Of(train, "class", "train"), 2, 7);
        var p = a.Probabilities(features.Transform(test));
        var scores = ClassifierScores.Of(p, labels.Of(test, "class", "test"), 2);
        Assert.True(scores.Accuracy > 0.95, $"accuracy {scores.Accuracy}");
        Assert.True(scores.RocAuc > 0.98, $"AUC {scores.RocAuc}");
        Assert.Equal(p, b.Probabilities(features.Transform(test)));
    }

    [Fact]
    public void OneClassTrainingSetAlwaysPredictsThatClass()
    {
        var c = TableClassifier.Train(TableLearner.GradientBoostedTrees, [[0f], [1f]], [1, 1], 3, 0);
        Assert.Equal([1, 1], c.Predict([[5f], [-5f]]));
    }

    [Fact]
    public void AClassNotInTheRealTableIsAnErrorNamingTheRow()
    {
        var real = TableTestData.Make(6, 0);
        var other = new Table([CategoricalColumn.FromValues("class", ["a", "z"])]);
        var e = Assert.Throws<ArgumentException>(() => ClassLabels.Of(real, "class").Of(other, "class", "synthetic"));
        Assert.Contains("row 2 has class 'z'", e.Message);
    }
}
