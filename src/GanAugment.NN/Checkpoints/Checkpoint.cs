using System.Globalization;
using System.Text.Json;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.NN.Checkpoints;

/// <summary>
/// A whole training state in one safetensors file: named parts (module state dicts such as
/// "generator" and "critic", optimizer states such as "opt_g" and "opt_d"), the run's options as
/// JSON, its seed, an optional RNG state string and free-form metadata.
/// <para>
/// Layout: part P's tensor K is stored as "P.K"; the metadata holds <c>format</c>
/// (<c>ganaugment.checkpoint.v1</c>), <c>parts</c> (JSON array of part names), <c>scalars</c>
/// (JSON object: part → name → number, the optimizers' hyper-parameters and step counts),
/// <c>options</c>, <c>seed</c> and <c>rng_state</c> when set, and the entries of
/// <see cref="Metadata"/>. Any safetensors reader can open the file.
/// </para>
/// </summary>
public sealed class Checkpoint
{
    /// <summary>The value of the <c>format</c> metadata entry.</summary>
    public const string FormatName = "ganaugment.checkpoint.v1";

    private const string FormatKey = "format";
    private const string PartsKey = "parts";
    private const string ScalarsKey = "scalars";
    private const string OptionsKey = "options";
    private const string SeedKey = "seed";
    private const string RngStateKey = "rng_state";
    private static readonly string[] ReservedKeys = [FormatKey, PartsKey, ScalarsKey, OptionsKey, SeedKey, RngStateKey];

    private readonly SortedDictionary<string, OptimizerState> _parts = new(StringComparer.Ordinal);

    /// <summary>The run's options serialized as JSON (checked to be valid JSON on save).</summary>
    public string? OptionsJson { get; set; }

    /// <summary>The seed the run was started with.</summary>
    public ulong? Seed { get; set; }

    /// <summary>An opaque RNG state, if the caller can express one as a string.</summary>
    public string? RngState { get; set; }

    /// <summary>Further metadata (for example "epoch"); keys may not be the reserved ones above.</summary>
    public IDictionary<string, string> Metadata { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The file this checkpoint was loaded from, used in error messages.</summary>
    public string? SourcePath { get; private init; }

    /// <summary>The part names, in ordinal order.</summary>
    public IReadOnlyCollection<string> Parts => _parts.Keys;

    /// <summary>Adds (or replaces) a module state dict under <paramref name="part"/>; the tensors are kept by reference.</summary>
    public Checkpoint Add(string part, IReadOnlyDictionary<string, Tensor> stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        return Add(part, new OptimizerState(stateDict, new Dictionary<string, double>()));
    }

    /// <summary>Adds (or replaces) an optimizer state under <paramref name="part"/>.</summary>
    public Checkpoint Add(string part, OptimizerState state)
    {
        CheckPartName(part);
        ArgumentNullException.ThrowIfNull(state);
        foreach (var (name, value) in state.Scalars)
            if (!double.IsFinite(value))
                throw new ArgumentException($"part \"{part}\": scalar \"{name}\" is {value}; only finite numbers can be stored", nameof(state));
        _parts[part] = state;
        return this;
    }

    /// <summary>The tensors of <paramref name="part"/> (keys without the part prefix).</summary>
    public IReadOnlyDictionary<string, Tensor> GetTensors(string part) => GetPart(part).Tensors;

    /// <summary>The tensors and scalars of <paramref name="part"/>, for <see cref="Optimizer.LoadStateDict"/>.</summary>
    public OptimizerState GetOptimizerState(string part) => GetPart(part);

    /// <summary>Loads <paramref name="part"/> into <paramref name="optimizer"/>; a mismatch is one error line naming the file.</summary>
    public void Restore(string part, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var state = GetPart(part);
        try
        {
            optimizer.LoadStateDict(state);
        }
        catch (CheckpointException e)
        {
            throw CheckpointException.At(SourcePath ?? "checkpoint", $"part \"{part}\": {e.Message}", inner: e);
        }
    }

    /// <summary>
    /// Passes <paramref name="part"/>'s tensors to <paramref name="loadStateDict"/> (for example
    /// <c>sd => generator.LoadStateDict(sd)</c>); argument, key and state errors it throws become
    /// one error line naming the file.
    /// </summary>
    public void Restore(string part, Action<IReadOnlyDictionary<string, Tensor>> loadStateDict)
    {
        ArgumentNullException.ThrowIfNull(loadStateDict);
        var tensors = GetPart(part).Tensors;
        try
        {
            loadStateDict(tensors);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or CheckpointException)
        {
            throw CheckpointException.At(SourcePath ?? "checkpoint", $"part \"{part}\": {e.Message}", inner: e);
        }
    }

    /// <summary>Writes the checkpoint to <paramref name="path"/> (through a temporary file and a rename).</summary>
    public void Save(string path)
    {
        foreach (var key in Metadata.Keys)
            if (ReservedKeys.Contains(key))
                throw new InvalidOperationException($"metadata key \"{key}\" is reserved by the checkpoint format");
        if (OptionsJson is not null)
        {
            try
            {
                using var _ = JsonDocument.Parse(OptionsJson);
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"OptionsJson is not valid JSON: {e.Message}", e);
            }
        }

        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (part, state) in _parts)
            foreach (var (key, tensor) in state.Tensors)
                tensors[$"{part}.{key}"] = tensor;

        var metadata = new Dictionary<string, string>(Metadata, StringComparer.Ordinal)
        {
            [FormatKey] = FormatName,
            [PartsKey] = JsonSerializer.Serialize(_parts.Keys.ToArray()),
            [ScalarsKey] = WriteScalars(),
        };
        if (OptionsJson is not null) metadata[OptionsKey] = OptionsJson;
        if (Seed is { } seed) metadata[SeedKey] = seed.ToString(CultureInfo.InvariantCulture);
        if (RngState is not null) metadata[RngStateKey] = RngState;
        SafeTensors.Save(path, tensors, metadata);
    }

    /// <summary>Reads a checkpoint written by <see cref="Save"/>; any problem is one <see cref="CheckpointException"/> line naming the file.</summary>
    public static Checkpoint Load(string path)
    {
        var (tensors, metadata) = SafeTensors.Load(path);
        CheckpointException Fail(string message) => CheckpointException.At(path, message);

        if (!metadata.TryGetValue(FormatKey, out var format) || format != FormatName)
            throw Fail($"not a GanAugment checkpoint (metadata \"{FormatKey}\" is {(format is null ? "missing" : $"\"{format}\"")}, expected \"{FormatName}\")");
        var checkpoint = new Checkpoint { SourcePath = path };

        var partNames = ReadParts(metadata, Fail);
        var scalars = ReadScalars(metadata, partNames, Fail);
        var partTensors = partNames.ToDictionary(p => p, _ => new Dictionary<string, Tensor>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (name, tensor) in tensors)
        {
            var dot = name.IndexOf('.');
            if (dot <= 0 || !partTensors.TryGetValue(name[..dot], out var into))
                throw Fail($"tensor \"{name}\" does not belong to any part listed in \"{PartsKey}\"");
            into[name[(dot + 1)..]] = tensor;
        }
        foreach (var part in partNames)
            checkpoint._parts[part] = new OptimizerState(partTensors[part], scalars[part]);

        if (metadata.TryGetValue(OptionsKey, out var options))
        {
            try
            {
                using var _ = JsonDocument.Parse(options);
            }
            catch (JsonException)
            {
                throw Fail($"metadata \"{OptionsKey}\" is not valid JSON");
            }
            checkpoint.OptionsJson = options;
        }
        if (metadata.TryGetValue(SeedKey, out var seedText))
        {
            if (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
                throw Fail($"metadata \"{SeedKey}\" is \"{seedText}\", not a whole number");
            checkpoint.Seed = seed;
        }
        if (metadata.TryGetValue(RngStateKey, out var rngState)) checkpoint.RngState = rngState;
        foreach (var (key, value) in metadata)
            if (!ReservedKeys.Contains(key)) checkpoint.Metadata[key] = value;
        return checkpoint;
    }

    private OptimizerState GetPart(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (_parts.TryGetValue(part, out var state)) return state;
        var have = _parts.Count == 0 ? "none" : string.Join(", ", _parts.Keys);
        throw CheckpointException.At(SourcePath ?? "checkpoint", $"has no part \"{part}\" (parts: {have})");
    }

    private string WriteScalars()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (part, state) in _parts)
            {
                if (state.Scalars.Count == 0) continue;
                json.WriteStartObject(part);
                foreach (var key in state.Scalars.Keys.Order(StringComparer.Ordinal))
                    json.WriteNumber(key, state.Scalars[key]);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return SafeTensorsHeader.StrictUtf8.GetString(buffer.ToArray());
    }

    private static string[] ReadParts(IReadOnlyDictionary<string, string> metadata, Func<string, CheckpointException> fail)
    {
        if (!metadata.TryGetValue(PartsKey, out var text)) throw fail($"metadata \"{PartsKey}\" is missing");
        string[]? parts;
        try
        {
            parts = JsonSerializer.Deserialize<string[]>(text);
        }
        catch (JsonException)
        {
            parts = null;
        }
        if (parts is null || parts.Any(p => p is null))
            throw fail($"metadata \"{PartsKey}\" is not a JSON array of strings");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in parts)
        {
            if (!IsPartName(p)) throw fail($"metadata \"{PartsKey}\" has an invalid part name \"{p}\"");
            if (!seen.Add(p)) throw fail($"metadata \"{PartsKey}\" lists \"{p}\" twice");
        }
        return parts;
    }

    private static Dictionary<string, Dictionary<string, double>> ReadScalars(
        IReadOnlyDictionary<string, string> metadata, string[] parts, Func<string, CheckpointException> fail)
    {
        var result = parts.ToDictionary(p => p, _ => new Dictionary<string, double>(StringComparer.Ordinal), StringComparer.Ordinal);
        if (!metadata.TryGetValue(ScalarsKey, out var text)) throw fail($"metadata \"{ScalarsKey}\" is missing");
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw fail($"metadata \"{ScalarsKey}\" is not a JSON object");
            foreach (var part in doc.RootElement.EnumerateObject())
            {
                if (!result.TryGetValue(part.Name, out var into))
                    throw fail($"metadata \"{ScalarsKey}\" has numbers for \"{part.Name}\", which is not a listed part");
                if (part.Value.ValueKind != JsonValueKind.Object || into.Count > 0)
                    throw fail($"metadata \"{ScalarsKey}\": \"{part.Name}\" must appear once, as an object of numbers");
                foreach (var entry in part.Value.EnumerateObject())
                {
                    if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetDouble(out var v) || !double.IsFinite(v))
                        throw fail($"metadata \"{ScalarsKey}\": \"{part.Name}.{entry.Name}\" is not a finite number");
                    if (!into.TryAdd(entry.Name, v))
                        throw fail($"metadata \"{ScalarsKey}\": \"{part.Name}.{entry.Name}\" appears twice");
                }
            }
        }
        catch (JsonException)
        {
            throw fail($"metadata \"{ScalarsKey}\" is not valid JSON");
        }
        return result;
    }

    private static void CheckPartName(string part)
    {
        if (!IsPartName(part))
            throw new ArgumentException($"part name \"{part}\" must be non-empty and contain no '.'", nameof(part));
    }

    private static bool IsPartName(string? part) => !string.IsNullOrEmpty(part) && !part.Contains('.');
}
