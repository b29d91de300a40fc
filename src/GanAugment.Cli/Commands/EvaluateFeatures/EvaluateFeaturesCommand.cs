using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Commands.Encode;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Writers;
using GanAugment.Evaluation.Features;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;
using Def = GanAugment.Cli.Commands.EvaluateFeatures.EvaluateFeaturesCommandDefinition;

namespace GanAugment.Cli.Commands.EvaluateFeatures;

/// <summary><c>ganaug evaluate features</c>: encodes training and test items and scores the classifiers on inputs, features and both.</summary>
internal static class EvaluateFeaturesCommand
{
    public const string ReportFile = "features.md";

    public static int Run(ParseResult parse, CliContext context)
    {
        if (parse.GetValue(Def.Threads) is { } threads) EngineSettings.Threads = threads;
        var run = RunArgument.Open(parse.GetRequiredValue(Def.Run));
        var manifest = run.ReadManifest();
        var model = RunArgument.LoadModel(run, manifest, parse.GetValue(Def.Checkpoint));
        var encoder = EncodedData.Encoder(model, run.Path);
        var seed = parse.GetValue(Def.Seed);
        var testShare = parse.GetValue(Def.TestShare);
        if (!(testShare > 0 && testShare < 1)) throw UsageException.For("--test-share", $"takes a share between 0 and 1, got {testShare.ToString(CultureInfo.InvariantCulture)}");
        var (train, test) = EncodedData.Load(context, manifest, model, parse.GetValue(Def.Data));

        FeatureSet inputTrain, inputTest, latentTrain, latentTest;
        if (test is null)
        {
            var (inputs, latent) = (FeatureSet.Inputs(train, model.Range), FeatureSet.Encode(encoder, train, model.Range));
            var (trainRows, testRows) = EncodedData.TableSplit(train.Count, testShare, seed);
            (inputTrain, inputTest, latentTrain, latentTest) = (inputs.Rows(trainRows), inputs.Rows(testRows), latent.Rows(trainRows), latent.Rows(testRows));
        }
        else
        {
            var trainPick = Pick(train.Count, parse.GetValue(Def.TrainCount), seed);
            var testPick = Pick(test.Count, parse.GetValue(Def.TestCount), seed + 1);
            (inputTrain, latentTrain) = (FeatureSet.Inputs(train, model.Range).Rows(trainPick), FeatureSet.Encode(encoder, train, model.Range).Rows(trainPick));
            (inputTest, latentTest) = (FeatureSet.Inputs(test, model.Range).Rows(testPick), FeatureSet.Encode(encoder, test, model.Range).Rows(testPick));
        }
        if (inputTrain.Labels is null) throw UsageException.For(RunDirectory.ManifestFile, "the data have no labels to classify");

        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model.Name}: {inputTrain.Count} training and {inputTest.Count} test items"));
        var logistic = new LogisticRegressionOptions { Epochs = parse.GetValue(Def.Epochs), Seed = seed };
        var scores = FeatureEvaluation.Run(inputTrain, inputTest, latentTrain, latentTest, logistic, context.Out.WriteLine);
        var majority = FeatureEvaluation.MajorityShare(inputTest);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"majority class of the test items: {majority:P2}"));
        var title = string.Create(CultureInfo.InvariantCulture, $"{model.Name} features: {inputTrain.Count} training, {inputTest.Count} test items");
        var path = run.File(ReportFile);
        AtomicFile.WriteAllText(path, FeatureEvaluation.ToMarkdown(scores, title, majority));
        context.Out.WriteLine($"wrote {path}");
        return ExitCodes.Success;
    }

    /// <summary>All of <paramref name="count"/> items in order (<paramref name="take"/> 0 or at least the count), else a seeded pick of <paramref name="take"/> in order.</summary>
    private static int[] Pick(int count, int take, ulong seed) =>
        take == 0 || take >= count ? [.. Enumerable.Range(0, count)] : [.. new Rng(seed).Permutation(count).Take(take).Order()];
}
