using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using GanAugment.Data.Images.Png;
using GanAugment.Data.Writers.TensorBoard;
using GanAugment.Gans.Observers;
using GanAugment.Gans.Training;
using GanAugment.TestSupport;

namespace GanAugment.Gans.Tests;

/// <summary>
/// The event files of a training run, read back record by record (every length and data CRC
/// checked here, apart from the library's reader), decoded with Google.Protobuf, and compared with
/// losses.csv, stats.csv and the sample grids the same run wrote.
/// </summary>
public class TensorBoardObserverTests
{
    private const int Steps = 3;
    private static readonly TrainerOptions Options = new() { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = Steps, Seed = 5, KeepCheckpoints = 1 };

    [Fact]
    public void Scalars_equal_losses_csv_and_stats_csv_and_images_are_the_epoch_grids()
    {
        var data = TestData.Digits(3);
        using var dir = new TempDir();
        var run = new RunDirectory(dir.Path);
        var samples = new SampleGridObserver(run, every: 1);
        var stats = new StatsObserver(run, new ImageData(data), samples: 64);
        using (var losses = new LossCsvObserver(run))
        using (var tb = new TensorBoardObserver(run, [samples], stats))
            new GanTrainer(ZooSmokeTests.Build("gan", [], data, 5), data, Options, run, [losses, samples, stats, tb]).Run();

        var file = Assert.Single(EventFiles.In(TensorBoardObserver.Folder(run)));
        var events = ReadRecords(file).Select(r => TensorBoardEventCodec.Decode(r, file)).ToList();
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        Assert.Empty(events[0].Values);
        var scalars = Scalars(events);

        var rows = File.ReadAllLines(run.File("losses.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.NotEmpty(rows);
        foreach (var r in rows)
        {
            var step = (Int(r[0]) - 1) * Steps + Int(r[1]);
            Assert.Equal(float.Parse(r[3], CultureInfo.InvariantCulture), scalars[("loss/" + r[2], step)]);
        }
        Assert.Equal(rows.Count, scalars.Keys.Count(k => k.Tag.StartsWith("loss/", StringComparison.Ordinal)));

        var statRows = File.ReadAllLines(run.File("stats.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(2, statRows.Count);
        string[] columns = ["real_mean", "real_std", "fake_mean", "fake_std"];
        foreach (var r in statRows)
            for (var c = 0; c < columns.Length; c++)
                Assert.InRange(Math.Abs(scalars[("stats/" + columns[c], Int(r[0]) * Steps)] - double.Parse(r[c + 1], CultureInfo.InvariantCulture)), 0, 1e-5);

        var images = events.SelectMany(e => e.Values.Where(v => v.Image is not null).Select(v => (e.Step, v.Tag, v.Image!))).ToList();
        Assert.Equal([(Steps, "samples"), (2 * Steps, "samples")], images.Select(i => (i.Step, i.Tag)));
        for (var epoch = 1; epoch <= 2; epoch++)
        {
            var image = images[epoch - 1].Item3;
            var grid = Path.Combine(run.SamplesDir, $"epoch-{epoch:D3}.png");
            Assert.Equal(File.ReadAllBytes(grid), image.Encoded);
            var decoded = PngDecoder.Decode(image.Encoded, grid);
            Assert.Equal((decoded.Height, decoded.Width, decoded.Channels == 1 ? 1 : 3), (image.Height, image.Width, image.Colorspace));
        }
    }

    [Fact]
    public void A_resumed_run_appends_a_file_and_the_files_together_hold_each_step_once_as_an_uninterrupted_run()
    {
        var data = TestData.Digits(3);
        using var dir = new TempDir();
        var straight = new RunDirectory(dir.File("a"));
        Train(straight, data, null);

        // Cancelled inside epoch 2, a cut record appended as a kill mid-write leaves it, then resumed.
        var run = new RunDirectory(dir.File("b"));
        using var cancel = new CancellationTokenSource();
        Train(run, data, null, cancel, cancelAfter: Steps + 1);
        var first = Assert.Single(EventFiles.In(TensorBoardObserver.Folder(run)));
        File.AppendAllBytes(first, [0x40, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
        Train(run, data, run.LastCheckpoint);

        var files = EventFiles.In(TensorBoardObserver.Folder(run));
        Assert.Equal(2, files.Count);
        Assert.Equal(AllScalars(straight), AllScalars(run));

        // Resumed again from the kept checkpoint of epoch 1: every step is in the files already, so the new one holds only its file_version.
        Train(run, data, Path.Combine(run.CheckpointsDir, "epoch-0001.safetensors"));
        var third = EventFiles.In(TensorBoardObserver.Folder(run)).Except(files).Single();
        Assert.Equal(EventFileWriter.FileVersion, Assert.Single(EventFiles.Read(third)).FileVersion);
        Assert.Equal(AllScalars(straight), AllScalars(run));
    }

    [Fact]
    public void A_run_started_from_its_first_step_replaces_the_event_files_of_an_earlier_run()
    {
        var data = TestData.Digits(3);
        using var dir = new TempDir();
        var run = new RunDirectory(dir.Path);
        Train(run, data, null);
        Train(run, data, null);
        Assert.Single(EventFiles.In(TensorBoardObserver.Folder(run)));
    }

    [Fact]
    public void A_model_with_a_pretraining_phase_groups_its_losses_by_phase()
    {
        var data = TestData.Digits(3);
        using var dir = new TempDir();
        var run = new RunDirectory(dir.Path);
        var model = ZooSmokeTests.Build("bagan", ["width=8", "dense-width=32", "encoder-width=4", "latent-dim=8", "autoencoder-epochs=1"], data, 1);
        using (var tb = new TensorBoardObserver(run, []))
            new GanTrainer(model, data, Options with { Epochs = 1 }, run, [tb]).Run();

        var tags = AllScalars(run).Keys.Select(k => k.Tag).Distinct().ToList();
        Assert.Contains("autoencoder/reconstruction", tags);
        Assert.All(tags, t => Assert.True(t.StartsWith("autoencoder/", StringComparison.Ordinal) || t.StartsWith("adversarial/", StringComparison.Ordinal), t));
        Assert.Contains(tags, t => t.StartsWith("adversarial/", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, Steps).Select(s => (long)s), AllScalars(run).Keys.Where(k => k.Tag == "autoencoder/reconstruction").Select(k => k.Step).Order());
    }

    [Theory]
    [InlineData("epoch-003.png", "samples")]
    [InlineData("epoch-012-heldout.png", "samples/heldout")]
    [InlineData("epoch-001-lattice-class-2.png", "samples/lattice-class-2")]
    [InlineData("epoch-001.csv", null)]
    [InlineData("losses.png", null)]
    public void Sample_files_map_to_image_tags(string file, string? tag) => Assert.Equal(tag, TensorBoardObserver.ImageTag(file));

    private static void Train(RunDirectory run, Data.Images.ImageDataset data, string? checkpoint, CancellationTokenSource? cancel = null, int cancelAfter = 0)
    {
        var model = ZooSmokeTests.Build("gan", [], data, 5);
        var position = checkpoint is null ? null : RunDirectory.Restore(model, checkpoint);
        using var tb = new TensorBoardObserver(run, []);
        List<ITrainingObserver> observers = [tb];
        if (cancel is not null) observers.Add(new CancelAfter(cancelAfter, cancel));
        new GanTrainer(model, data, Options, run, observers).Run(position, cancel?.Token ?? default);
    }

    /// <summary>Every (tag, step) → scalar of all the run's event files; a (tag, step) written twice fails.</summary>
    private static Dictionary<(string Tag, long Step), float> AllScalars(RunDirectory run) =>
        Scalars([.. EventFiles.In(TensorBoardObserver.Folder(run)).SelectMany(f => ReadRecords(f).Select(r => TensorBoardEventCodec.Decode(r, f)))]);

    private static Dictionary<(string Tag, long Step), float> Scalars(IEnumerable<TensorBoardEvent> events)
    {
        var scalars = new Dictionary<(string, long), float>();
        foreach (var e in events)
            foreach (var v in e.Values.Where(v => v.Scalar is not null))
                Assert.True(scalars.TryAdd((v.Tag, e.Step), v.Scalar!.Value), $"{v.Tag} at step {e.Step} is written twice");
        return scalars;
    }

    /// <summary>The records of a TFRecord file, each length and data CRC checked against CRC-32C, masked.</summary>
    private static List<byte[]> ReadRecords(string path)
    {
        static uint Masked(ReadOnlySpan<byte> b)
        {
            var crc = Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, b);
            return ((crc >> 15) | (crc << 17)) + 0xa282ead8;
        }
        var bytes = File.ReadAllBytes(path);
        var records = new List<byte[]>();
        for (var pos = 0; pos < bytes.Length;)
        {
            Assert.True(bytes.Length - pos >= 16, $"{path}: {bytes.Length - pos} bytes left at {pos}, less than a record");
            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(pos));
            Assert.Equal(Masked(bytes.AsSpan(pos, 8)), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos + 8)));
            var data = bytes.AsSpan(pos + 12, length);
            Assert.Equal(Masked(data), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos + 12 + length)));
            records.Add(data.ToArray());
            pos += 16 + length;
        }
        return records;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private sealed class CancelAfter(int steps, CancellationTokenSource cancel) : ITrainingObserver
    {
        private int _seen;

        public void OnStep(StepReport report)
        {
            if (++_seen == steps) cancel.Cancel();
        }
    }
}
