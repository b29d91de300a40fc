namespace GanAugment.Evaluation.Metrics;

/// <summary>
/// Unsupervised clustering accuracy (as InfoGAN reports it for its categorical code on MNIST):
/// each cluster is matched to one class by the assignment that maximises the items whose class is
/// their cluster's (<see cref="HungarianAssignment"/>), and the accuracy is the share of those items:
/// max over one-to-one maps m of (1/N)·Σ_i [label_i = m(cluster_i)].
/// </summary>
/// <param name="Accuracy">The share of items whose label is their cluster's class.</param>
/// <param name="ClassOfCluster">The class matched to each cluster (−1: none, when there are more clusters than classes).</param>
/// <param name="Counts">Items per cluster (rows) and class (columns).</param>
public sealed record ClusterAccuracy(double Accuracy, int[] ClassOfCluster, int[,] Counts)
{
    public static ClusterAccuracy Compute(IReadOnlyList<int> clusters, IReadOnlyList<int> labels, int clusterCount, int classCount)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(labels);
        if (clusters.Count != labels.Count) throw new ArgumentException($"{clusters.Count} clusters for {labels.Count} labels");
        if (clusters.Count == 0) throw new ArgumentException("no items to score");
        var counts = new int[clusterCount, classCount];
        for (var i = 0; i < clusters.Count; i++)
        {
            if ((uint)clusters[i] >= (uint)clusterCount) throw new ArgumentOutOfRangeException(nameof(clusters), $"cluster {clusters[i]} at {i} is outside 0..{clusterCount - 1}");
            if ((uint)labels[i] >= (uint)classCount) throw new ArgumentOutOfRangeException(nameof(labels), $"label {labels[i]} at {i} is outside 0..{classCount - 1}");
            counts[clusters[i], labels[i]]++;
        }
        var score = new double[clusterCount, classCount];
        for (var k = 0; k < clusterCount; k++)
            for (var c = 0; c < classCount; c++) score[k, c] = counts[k, c];
        var classOf = HungarianAssignment.Maximize(score);
        var matched = 0;
        for (var k = 0; k < clusterCount; k++)
            if (classOf[k] >= 0) matched += counts[k, classOf[k]];
        return new ClusterAccuracy((double)matched / clusters.Count, classOf, counts);
    }
}
