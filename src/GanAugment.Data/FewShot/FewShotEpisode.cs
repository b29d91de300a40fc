using GanAugment.Data.Images;

namespace GanAugment.Data.FewShot;

/// <summary>
/// One evaluation run of a few-shot split: <see cref="Support"/> holds <see cref="Shots"/> images
/// of each held-out class (what the augmenting GAN and the classifier may see), and
/// <see cref="Query"/> held-out images disjoint from it (what the classifier is scored on).
/// Labels keep the original class indices.
/// </summary>
public sealed record FewShotEpisode(int Run, int Shots, ImageDataset Support, ImageDataset Query);
