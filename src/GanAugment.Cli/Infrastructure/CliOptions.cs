using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GanAugment.Cli.Infrastructure;

/// <summary>
/// Option factories with our own parsers, so that every bad value is one line naming the option
/// ("--epochs takes a whole number, got 'x'", "--count must be at least 1, got 0") and is found
/// while parsing (exit code 2), before any data is loaded.
/// </summary>
internal static class CliOptions
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A whole-number option with a default and a lower bound.</summary>
    public static Option<int> Int(string name, string description, int defaultValue, int min) => new(name)
    {
        Description = description,
        HelpName = "n",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => ParseInt(r, name, min) ?? defaultValue,
    };

    /// <summary>An optional whole-number option (null when not given).</summary>
    public static Option<int?> OptionalInt(string name, string description, int min) => new(name)
    {
        Description = description,
        HelpName = "n",
        CustomParser = r => ParseInt(r, name, min),
    };

    /// <summary>An optional positive number (null when not given).</summary>
    public static Option<double?> OptionalPositive(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "x",
        CustomParser = r =>
        {
            var text = Single(r);
            if (!double.TryParse(text, NumberStyles.Float, Inv, out var value) || !double.IsFinite(value))
            {
                r.AddError($"{name} takes a number, got '{text}'");
                return null;
            }
            if (value <= 0) r.AddError($"{name} must be greater than 0, got {text}");
            return value;
        },
    };

    /// <summary>A seed: any whole number from 0 to 2^64 - 1.</summary>
    public static Option<ulong> Seed(string description, ulong defaultValue = 0) => new("--seed")
    {
        Description = description,
        HelpName = "n",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r =>
        {
            var text = Single(r);
            if (ulong.TryParse(text, NumberStyles.None, Inv, out var seed)) return seed;
            r.AddError($"--seed takes a whole number from 0 to {ulong.MaxValue}, got '{text}'");
            return defaultValue;
        },
    };

    /// <summary>A repeatable <c>name=value</c> option, collected into a dictionary (a repeated name is an error).</summary>
    public static Option<IReadOnlyDictionary<string, string>> KeyValues(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "name=value",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => new Dictionary<string, string>(),
        CustomParser = r =>
        {
            var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var token in r.Tokens)
            {
                var eq = token.Value.IndexOf('=');
                if (eq <= 0 || eq == token.Value.Length - 1)
                    r.AddError($"{name} takes name=value, got '{token.Value}'");
                else if (!pairs.TryAdd(token.Value[..eq].Trim(), token.Value[(eq + 1)..].Trim()))
                    r.AddError($"{name} sets '{token.Value[..eq]}' twice");
            }
            return pairs;
        },
    };

    /// <summary>
    /// A hidden option that only exists to say it was renamed: giving <paramref name="oldName"/>
    /// is a parse error naming <paramref name="newName"/>, so an old command line fails clearly
    /// instead of with "unrecognized".
    /// </summary>
    public static Option<string?> Renamed(string oldName, string newName, string meaning) => new(oldName)
    {
        Hidden = true,
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = r =>
        {
            r.AddError($"{oldName} is now {newName} ({meaning})");
            return null;
        },
    };

    private static int? ParseInt(ArgumentResult r, string name, int min)
    {
        var text = Single(r);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, Inv, out var value))
        {
            r.AddError($"{name} takes a whole number, got '{text}'");
            return null;
        }
        if (value < min) r.AddError($"{name} must be at least {min}, got {value}");
        return value;
    }

    private static string Single(ArgumentResult r) => r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";

    /// <summary>The protocols' <c>--shard</c> option (see <see cref="ShardOption"/>).</summary>
    public static Option<string?> Shard() => new("--shard")
    {
        Description = "Run only shard i of n of the protocol's classifiers (i/n, from 0; or n, with i from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID) into <out>/shard-i-of-n/; join the shards with `ganaug evaluate merge <out>`",
        HelpName = "i/n|n",
    };
}
