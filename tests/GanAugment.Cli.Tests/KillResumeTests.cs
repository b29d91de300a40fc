using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GanAugment.Data.Writers.TensorBoard;
using GanAugment.Gans.Training;
using GanAugment.NN.Checkpoints;
using GanAugment.TestSupport;
using Xunit.Abstractions;

namespace GanAugment.Cli.Tests;

/// <summary>
/// A hard kill costs only the work since the last checkpoint: the built <c>ganaug</c> trains a
/// short run as a child process, is killed with SIGKILL at seeded moments (half of them the moment
/// a checkpoint's temporary file appears, so inside its write), every file left is checked whole,
/// and the run resumed to its end must equal the uninterrupted one bit for bit (the seconds columns
/// and <c>summary.json</c> aside). Two runs alternate: the plain GAN (24 MB checkpoints, so writes
/// take long enough to be hit) and a tiny BAGAN (an autoencoder phase before the adversarial one).
/// The suite runs 4 kills; <c>GANAUG_KILLS=20</c> runs 20 (about 20 s on an idle 2-core machine).
/// </summary>
public sealed class KillResumeTests(ITestOutputHelper output)
{
    private const int DefaultKills = 4;

    private static readonly string[] GanRun = ["train", "gan", "--data", "mnist-small", "--epochs", "4", "--max-steps", "2", "--batch-size", "4",
        "--stats-samples", "8", "--keep-checkpoints", "2", "--seed", "3", "--threads", "1"];

    private static readonly string[] BaganRun = ["train", "bagan", "--data", "mnist-small", "--epochs", "2", "--max-steps", "2", "--batch-size", "4",
        "--stats-samples", "8", "--keep-checkpoints", "2", "--seed", "5", "--threads", "1", "--option", "autoencoder-epochs=2", "--option", "width=4",
        "--option", "dense-width=16", "--option", "encoder-width=4", "--option", "latent-dim=8"];

    [Fact]
    public void Runs_killed_at_seeded_moments_resume_to_the_bits_of_the_uninterrupted_run()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("GANAUG_KILLS"), out var k) && k > 0 ? k : DefaultKills;
        using var temp = new TempDir();
        var random = new Random(20261204);
        string[][] runs = [GanRun, BaganRun];
        var baselines = runs.Select((args, i) => Baseline(args, temp.File($"base-{i}"))).ToArray();
        var inWrite = 0;
        for (var kill = 0; kill < kills; kill++)
        {
            var which = kill % 2;
            var (args, baseline, seconds) = (runs[which], baselines[which].Dir, baselines[which].Seconds);
            var dir = temp.File($"kill-{kill}");
            var targetWrite = kill / 2 % 2 == 1;
            var delay = TimeSpan.FromSeconds(random.NextDouble() * seconds * (targetWrite ? 0.7 : 1.1));
            var hitWrite = KillDuring(args, dir, delay, targetWrite);
            if (hitWrite) inWrite++;
            var context = $"kill {kill} ({args[1]}, after {delay.TotalSeconds:F2} s{(targetWrite ? ", then at a checkpoint write" : "")})";
            AssertNothingHalfWritten(dir, context);
            var resumed = Ganaug(File.Exists(Path.Combine(dir, RunDirectory.ManifestFile)) ? ["train", args[1], "--out", dir, "--resume", "--threads", "1"] : [.. args, "--out", dir]);
            Assert.True(resumed.Code == 0, $"{context}: resume exited {resumed.Code}\n{resumed.Output}");
            AssertSameRun(baseline, dir, context);
            output.WriteLine($"{context}: {(hitWrite ? "killed inside a checkpoint write" : "killed outside a checkpoint write")}, resumed bit-identical");
        }
        Assert.True(inWrite > 0, $"none of the {kills} kills landed inside a checkpoint write");
    }

    private static (string Dir, double Seconds) Baseline(string[] args, string dir)
    {
        var clock = Stopwatch.StartNew();
        var result = Ganaug([.. args, "--out", dir]);
        Assert.True(result.Code == 0, result.Output);
        return (dir, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Starts the run, kills it after <paramref name="delay"/> (then, with <paramref name="atWrite"/>, once a checkpoint is being written); whether a checkpoint's temporary file was left.</summary>
    private static bool KillDuring(string[] args, string dir, TimeSpan delay, bool atWrite)
    {
        using var process = Start([.. args, "--out", dir]);
        var checkpoints = Path.Combine(dir, "checkpoints");
        if (!process.WaitForExit(delay))
        {
            while (atWrite && !process.HasExited && !WritingCheckpoint(checkpoints)) Thread.Sleep(1);
            try
            {
                process.Kill(); // SIGKILL on Linux: no handler runs
            }
            catch (InvalidOperationException)
            {
                // NOTE: the run ended on its own between the check and the kill.
            }
        }
        process.WaitForExit();
        return WritingCheckpoint(checkpoints);
    }

    private static bool WritingCheckpoint(string folder)
    {
        try
        {
            return Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.tmp").Any();
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Every file a killed run left is whole: checkpoints load, JSON parses, PNGs end, CSV rows are complete (but the last of the appended losses.csv).</summary>
    private static void AssertNothingHalfWritten(string dir, string context)
    {
        if (!Directory.Exists(dir)) return;
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            var name = Path.GetFileName(file);
            var what = $"{context}: {Path.GetRelativePath(dir, file)}";
            if (name.StartsWith(EventFiles.Prefix, StringComparison.Ordinal))
            {
                // NOTE: event files are appended to: only their last record may be cut (the next session removes it); every whole one has good CRCs.
                TfRecord.Read(File.ReadAllBytes(file), file);
                continue;
            }
            switch (Path.GetExtension(file))
            {
                case ".safetensors":
                    Checkpoint.Load(file);
                    break;
                case ".json":
                    using (JsonDocument.Parse(File.ReadAllBytes(file))) { }
                    break;
                case ".png":
                    var png = File.ReadAllBytes(file);
                    Assert.True(png.Length > 12 && Encoding.ASCII.GetString(png, png.Length - 8, 4) == "IEND", $"{what}: cut PNG");
                    break;
                case ".csv":
                    var text = File.ReadAllText(file);
                    var lines = text.Split('\n');
                    var columns = lines[0].Split(',').Length;
                    // NOTE: losses.csv is appended to: only its last line may be cut, and the next session drops it.
                    var whole = name == "losses.csv" ? lines[..^1] : lines[..^1].Append(lines[^1]).ToArray();
                    Assert.True(name == "losses.csv" || text.Length == 0 || text.EndsWith('\n'), $"{what}: no line end at the end");
                    Assert.All(whole.Where(l => l.Length > 0), l => Assert.True(l.Split(',').Length == columns, $"{what}: cut row '{l}'"));
                    break;
            }
        }
    }

    /// <summary>
    /// The resumed run holds the same files with the same bytes (seconds columns and summary.json aside) and no temporary file;
    /// its TensorBoard files (one per session, named by time) hold together each (tag, step) once, with the same values.
    /// </summary>
    private static void AssertSameRun(string expected, string actual, string context)
    {
        static string[] Files(string dir) => [.. Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f)).Where(f => f != "summary.json" && !f.StartsWith("tb" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        var files = Files(expected);
        Assert.Equal(files, Files(actual));
        Assert.Equal(TensorBoardValues(expected), TensorBoardValues(actual));
        foreach (var file in files)
        {
            var (a, b) = (Path.Combine(expected, file), Path.Combine(actual, file));
            if (file.EndsWith("epoch_losses.csv", StringComparison.Ordinal) || file == "autoencoder_losses.csv")
                Assert.True(Columns(a, i => i != 1).SequenceEqual(Columns(b, i => i != 1)), $"{context}: {file} differs");
            else
                Assert.True(File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)), $"{context}: {file} differs");
        }
    }

    /// <summary>Every value of the run's event files as "tag@step=bits" (images by their bytes' hash), sorted; a (tag, step) written twice fails.</summary>
    private static List<string> TensorBoardValues(string dir)
    {
        var seen = new HashSet<(string, long)>();
        var values = new List<string>();
        foreach (var file in EventFiles.In(Path.Combine(dir, "tb")))
            foreach (var e in EventFiles.Read(file))
                foreach (var v in e.Values)
                {
                    Assert.True(seen.Add((v.Tag, e.Step)), $"{file}: {v.Tag} at step {e.Step} is in the run's event files twice");
                    var value = v.Scalar is { } f ? BitConverter.SingleToInt32Bits(f).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(v.Image!.Encoded));
                    values.Add($"{v.Tag}@{e.Step}={value}");
                }
        values.Sort(StringComparer.Ordinal);
        return values;
    }

    private static IEnumerable<string> Columns(string path, Func<int, bool> keep) =>
        File.ReadLines(path).Select(l => l.Split(',')).Select(p => string.Join(',', p.Where((_, i) => keep(i))));

    private static (int Code, string Output) Ganaug(string[] args)
    {
        var output = new StringBuilder();
        using var process = Start(args, output);
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }

    private static Process Start(string[] args, StringBuilder? output = null)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "ganaug"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        void Append(object? sender, DataReceivedEventArgs e)
        {
            if (output is null || e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
        }
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
