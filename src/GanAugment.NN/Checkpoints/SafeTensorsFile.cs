using GanAugment.Tensors;

namespace GanAugment.NN.Checkpoints;

/// <summary>The contents of a safetensors file: tensors by name and the <c>__metadata__</c> strings.</summary>
public sealed record SafeTensorsFile(
    IReadOnlyDictionary<string, Tensor> Tensors,
    IReadOnlyDictionary<string, string> Metadata);
