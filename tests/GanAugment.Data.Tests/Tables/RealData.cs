namespace GanAugment.Data.Tests.Tables;

/// <summary>Where the real data sets live on the development machine (Debian packages, extracted).</summary>
internal static class RealData
{
    private const string Root = "/work/datasets/extracted/usr";

    public const string WekaExamples = Root + "/share/doc/weka/examples";
    public const string CreditG = WekaExamples + "/credit-g.arff";
    public const string ThyroidTrain = Root + "/share/doc/libfann-dev/examples/datasets/thyroid.train";
    public const string ThyroidTest = Root + "/share/doc/libfann-dev/examples/datasets/thyroid.test";
    public const string SklearnIris = Root + "/lib/python3/dist-packages/sklearn/datasets/data/iris.csv";
    public const string SklearnBreastCancer = Root + "/lib/python3/dist-packages/sklearn/datasets/data/breast_cancer.csv";
    public const string StatsmodelsElNino = Root + "/lib/python3/dist-packages/statsmodels/datasets/elnino/elnino.csv";
    public const string StatsmodelsSunspots = Root + "/lib/python3/dist-packages/statsmodels/datasets/sunspots/sunspots.csv";
    public const string StatsmodelsCo2Folder = Root + "/lib/python3/dist-packages/statsmodels/datasets/co2";
}
