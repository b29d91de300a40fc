namespace GanAugment.Bench;

/// <summary>
/// One benchmark: <see cref="Setup"/> allocates and fills inputs once, <see cref="Run"/> is the timed
/// call. Add a case by writing one class and listing it in <see cref="Cases.BenchCatalog"/>.
/// </summary>
public interface IBenchCase
{
    /// <summary>Unique, filterable name, e.g. <c>gemm 3136x1152·1152x256 A·B</c>.</summary>
    string Name { get; }

    /// <summary>Floating-point operations of one <see cref="Run"/> (0 when not meaningful).</summary>
    double Flops { get; }

    /// <summary>Allocates and fills the inputs (seeded); not timed.</summary>
    void Setup();

    /// <summary>The timed work.</summary>
    void Run();

    /// <summary>What one <see cref="Run"/> is ("run", or "step" for a training step); names the allocation figure.</summary>
    string Unit => "run";
}
