using System.Diagnostics;
using System.Globalization;
using GanAugment.Cli.Rendering;
using GanAugment.Evaluation.Imbalance;
using GanAugment.Gans.Training;
using Spectre.Console;

namespace GanAugment.Cli.Commands.EvaluateImbalance;

/// <summary>
/// How <c>evaluate imbalance</c> (and <c>demo</c>) show the protocol: one progress display per
/// stage on the console (seed, method, stage), the detail (counts, every GAN epoch's losses) in
/// <c>protocol.log</c> in the output folder. On a terminal each stage is a live bar (a GAN's bar
/// counts its steps of every phase, with the phase and ETA); when the output is redirected a
/// stage is one line when it ends, and a generator's stage also one when it starts. Every
/// line, on the console or not, goes to the log with the minutes since the start.
/// </summary>
internal sealed class ProtocolConsole : IProtocolProgress, IDisposable
{
    public const string LogFile = "protocol.log";

    private readonly TextWriter _console;
    private readonly StreamWriter _log;
    private readonly string _logPath;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private ProgressContext? _live;
    private ProgressTask? _task;

    public ProtocolConsole(TextWriter console, string logPath)
    {
        _console = console;
        _logPath = logPath;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        _log = new StreamWriter(logPath, append: false) { AutoFlush = true, NewLine = "\n" };
    }

    /// <summary>Shows the stages as live bars in <paramref name="live"/> from now on.</summary>
    public void Attach(ProgressContext live) => _live = live;

    public IReadOnlyList<ITrainingObserver> StageStarted(ProtocolStage stage)
    {
        Log($"{stage} ...");
        if (_live is { } live)
        {
            _task = live.AddTask(Markup.Escape(stage.ToString()), maxValue: 1);
            if (!stage.TrainsGenerator)
            {
                _task.IsIndeterminate = true;
                return [];
            }
            var bar = new LiveProgressObserver($"{stage}  ");
            bar.Attach(_task);
            return [bar];
        }
        if (stage.TrainsGenerator) Console($"{stage} ... (its epochs: {_logPath})");
        return [];
    }

    public void StageEnded(ProtocolStage stage, string result)
    {
        var line = $"{stage}: {result}";
        Log(line);
        if (_task is { } task)
        {
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.Description = Markup.Escape(line);
            task.StopTask();
            _task = null;
        }
        else
        {
            Console(line);
        }
    }

    public void Detail(string line) => Log(line);

    public void Dispose() => _log.Dispose();

    private string Stamp(string line) => string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalMinutes:F1} min] {line}");

    private void Log(string line) => _log.WriteLine(Stamp(line));

    private void Console(string line) => _console.WriteLine(Stamp(line));
}
