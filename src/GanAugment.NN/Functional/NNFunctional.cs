using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// The stateless functions behind the layers, added to the engine's <see cref="Functional"/>
/// (PyTorch <c>torch.nn.functional</c>) as static extension members: with
/// <c>using GanAugment.NN;</c> call <c>Functional.Dropout</c>, <c>Functional.BatchNorm</c> and
/// <c>Functional.LayerNorm</c> next to the engine's <c>Functional.Linear</c>.
/// </summary>
public static partial class NNFunctional;
