namespace GanAugment.Evaluation.Classifiers;

/// <summary>
/// What the <see cref="DomainClassifier"/> says about <see cref="Count"/> images: softmax
/// probabilities [Count, Classes], penultimate features [Count, FeatureCount] (both row-major)
/// and the predicted class of each image.
/// </summary>
public sealed record ClassifierOutputs(int Count, int Classes, int FeatureCount, float[] Probabilities, float[] Features, int[] Predictions)
{
    /// <summary>The fraction of <see cref="Predictions"/> equal to <paramref name="labels"/>.</summary>
    public double Accuracy(ReadOnlySpan<int> labels)
    {
        if (labels.Length != Count) throw new ArgumentException($"{labels.Length} labels for {Count} predictions");
        if (Count == 0) return double.NaN;
        var right = 0;
        for (var i = 0; i < Count; i++)
            if (Predictions[i] == labels[i]) right++;
        return (double)right / Count;
    }
}
