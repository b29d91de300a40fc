using GanAugment.Bench;
using GanAugment.Bench.Cases;
using GanAugment.Tensors.Kernels;

// Speed figures of the engine's kernels; see docs/PERFORMANCE.md. Never run as a test.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (FormatException ex)
{
    Console.Error.WriteLine($"GanAugment.Bench: {ex.Message}");
    return 2;
}

if (options.Threads is int threads)
{
    EngineThreads.Set(threads);
}

if (options.Classifier is string data)
{
    return ClassifierAccuracy.Run(data, options.AlsoTest, options.ClassifierSettings ?? new(), Console.Out, Console.Error);
}

IEnumerable<IBenchCase> cases = BenchCatalog.All();
if (options.Filter is string filter)
{
    cases = cases.Where(c => c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase));
}

if (options.List)
{
    foreach (IBenchCase benchCase in cases)
    {
        Console.WriteLine(benchCase.Name);
    }

    return 0;
}

if (options.MemoryEvery is int every)
{
    foreach (IBenchCase benchCase in cases)
    {
        MemoryTrace.Run(benchCase, options.Runs, every, Console.Out);
    }

    return 0;
}

var report = new BenchReport(Console.Out, options.Json);
foreach (IBenchCase benchCase in cases)
{
    report.Write(BenchRunner.Measure(benchCase, options.Runs, EngineThreads.Count));
}

return 0;
