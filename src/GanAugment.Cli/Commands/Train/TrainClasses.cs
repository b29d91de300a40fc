using System.Text.Json;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.FewShot;
using GanAugment.Data.Images;
using GanAugment.Gans;
using GanAugment.Gans.Training;

namespace GanAugment.Cli.Commands.Train;

/// <summary>
/// <c>ganaug train --train-classes A --test-classes B</c> (DAGAN's setting): the run trains on the
/// images of classes A only; for a model of image pairs, classes B are its held-out classes, whose
/// generations the sample grids show too. Recorded in the run's <c>classes.json</c>, so
/// <c>--resume</c> trains on the same classes.
/// </summary>
internal sealed record TrainClasses(int[] Train, int[] Test)
{
    public const string FileName = "classes.json";

    /// <summary>The classes of the options, checked against <paramref name="classNames"/>; without --test-classes, every other class.</summary>
    public static TrainClasses Parse(string? train, string? test, IReadOnlyList<string> classNames)
    {
        int[] trainClasses;
        try
        {
            trainClasses = train is null ? [.. Enumerable.Range(0, classNames.Count)] : ClassSelection.Parse(train, classNames);
        }
        catch (ArgumentException e)
        {
            throw UsageException.For("--train-classes", e.Message);
        }
        int[] testClasses;
        try
        {
            testClasses = test is null
                ? [.. Enumerable.Range(0, classNames.Count).Except(trainClasses)]
                : ClassSelection.Parse(test, classNames, after: trainClasses.Length == 0 ? 0 : trainClasses.Max() + 1);
        }
        catch (ArgumentException e)
        {
            throw UsageException.For("--test-classes", e.Message);
        }
        if (testClasses.Intersect(trainClasses).FirstOrDefault(-1) is var both and >= 0)
            throw UsageException.For("--test-classes", $"class '{classNames[both]}' is also a training class; the held-out classes must be new to the GAN");
        return new TrainClasses(trainClasses, testClasses);
    }

    /// <summary>The training data of the training classes; image pairs also get the test classes as held-out pairs.</summary>
    public TrainingData Apply(TrainingData all, ImageDatasetSplit split)
    {
        if (all is not ImagePairData) return new ImageData(ClassSelection.Keep(split.Train, Train));
        var heldOut = Test.Length == 0 ? null : new ImagePairData(ClassSelection.Keep(split.Train, Test));
        return new ImagePairData(ClassSelection.Keep(split.Train, Train)) { HeldOut = heldOut };
    }

    public void Save(RunDirectory run) => RunDirectory.WriteText(run.File(FileName), JsonSerializer.Serialize(this));

    /// <summary>The classes a run was trained on, or null when it used them all.</summary>
    public static TrainClasses? Load(RunDirectory run)
    {
        var path = run.File(FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<TrainClasses>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid class record ({e.Message})", e);
        }
    }
}
