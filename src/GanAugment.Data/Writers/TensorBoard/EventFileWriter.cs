using System.Globalization;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Writers.TensorBoard;

/// <summary>
/// Appends TensorBoard events to a new file <c>events.out.tfevents.&lt;unix time&gt;.&lt;host&gt;</c>
/// in a folder (TensorBoard reads every file whose name holds <c>tfevents</c>, in name order). The
/// first record is the <c>file_version</c> event <c>brain.Event:2</c>. Like a log, the file is
/// appended to and flushed by <see cref="Flush"/> rather than written whole: a hard kill can cut
/// its last record, which <see cref="EventFiles.Repair"/> removes.
/// </summary>
public sealed class EventFileWriter : IDisposable
{
    public const string FileVersion = "brain.Event:2";

    private readonly FileStream _stream;
    private readonly TimeProvider _clock;

    public EventFileWriter(string folder, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        Directory.CreateDirectory(folder);
        var name = EventFiles.Prefix + _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + Host();
        Path = System.IO.Path.Combine(folder, name);
        // NOTE: a second session in the same second on the same host gets .1, .2, …, which sort after the first.
        for (var n = 1; File.Exists(Path); n++) Path = System.IO.Path.Combine(folder, name + "." + n.ToString(CultureInfo.InvariantCulture));
        _stream = new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        Append(new TensorBoardEvent(WallTime(), 0, FileVersion, []));
        Flush();
    }

    public string Path { get; }

    /// <summary>One event at <paramref name="step"/> whose summary holds <paramref name="values"/>.</summary>
    public void Write(long step, IReadOnlyList<SummaryValue> values)
    {
        if (values.Count > 0) Append(new TensorBoardEvent(WallTime(), step, null, values));
    }

    public void Flush() => _stream.Flush();

    public void Dispose() => _stream.Dispose();

    /// <summary>An image summary of the PNG file <paramref name="png"/> (its size and colour space read from its header).</summary>
    public static SummaryValue PngImage(string tag, byte[] png, string name)
    {
        var header = PngChunks.Read(png, name).Header;
        var colorspace = header.ColorType switch
        {
            PngColorType.Grey => 1,
            PngColorType.GreyAlpha => 2,
            PngColorType.Rgba => 4,
            _ => 3, // RGB, and palette images, which decode to RGB
        };
        return new SummaryValue(tag, null, new SummaryImage(header.Height, header.Width, colorspace, png));
    }

    private void Append(TensorBoardEvent e) => TfRecord.Write(_stream, TensorBoardEventCodec.Encode(e));

    private double WallTime() => _clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>The host name with anything but letters, digits, '-' and '_' replaced, so it cannot leave the folder.</summary>
    private static string Host()
    {
        var host = new string([.. Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return host.Length > 0 ? host : "localhost";
    }
}

/// <summary>Reading the event files of a folder back: for resuming a run and for tests.</summary>
public static class EventFiles
{
    public const string Prefix = "events.out.tfevents.";

    /// <summary>The event files in <paramref name="folder"/>, in the order TensorBoard reads them (by name).</summary>
    public static IReadOnlyList<string> In(string folder) => Directory.Exists(folder)
        ? [.. Directory.EnumerateFiles(folder, Prefix + "*").Where(f => !f.EndsWith(AtomicFile.TemporarySuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The events of one file, every record's CRCs checked (a cut last record is left out).</summary>
    public static IReadOnlyList<TensorBoardEvent> Read(string path)
    {
        var scan = TfRecord.Read(File.ReadAllBytes(path), path);
        return [.. scan.Records.Select(r => TensorBoardEventCodec.Decode(r, path))];
    }

    /// <summary>Cuts a last record that a killed writer left unfinished, so the file ends on a record boundary again.</summary>
    public static void Repair(string path)
    {
        var scan = TfRecord.Read(File.ReadAllBytes(path), path);
        if (scan.Complete) return;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(scan.ValidLength);
    }
}
