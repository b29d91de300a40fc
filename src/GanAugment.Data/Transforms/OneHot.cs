namespace GanAugment.Data.Transforms;

/// <summary>One-hot encoding of class labels, as conditional GANs take them.</summary>
public static class OneHot
{
    /// <summary>Row i of the <c>labels.Length × classCount</c> destination is 1 at column labels[i] and 0 elsewhere.</summary>
    public static void Encode(ReadOnlySpan<int> labels, int classCount, Span<float> destination)
    {
        if (classCount <= 0) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "must be positive");
        if (destination.Length != (long)labels.Length * classCount)
            throw new ArgumentException($"destination must hold {labels.Length}x{classCount} floats, has {destination.Length}", nameof(destination));
        destination.Clear();
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"label {i} is outside 0..{classCount - 1}");
            destination[i * classCount + labels[i]] = 1f;
        }
    }

    /// <summary>A new <c>labels.Length × classCount</c> one-hot array.</summary>
    public static float[] Encode(ReadOnlySpan<int> labels, int classCount)
    {
        var result = new float[labels.Length * classCount];
        Encode(labels, classCount, result);
        return result;
    }
}
