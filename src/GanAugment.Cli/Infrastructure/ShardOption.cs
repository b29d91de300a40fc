using System.CommandLine;
using System.Globalization;
using GanAugment.Evaluation.Sharding;

namespace GanAugment.Cli.Infrastructure;

/// <summary>The <c>--shard</c> option of the protocols: its value, and the folder a shard writes to.</summary>
internal static class ShardOption
{
    /// <summary>The shard asked for (the whole protocol when the option is absent); a bad value is a usage error naming the option.</summary>
    public static Shard From(ParseResult parse, Option<string?> option, Func<string, string?> environment)
    {
        if (parse.GetValue(option) is not { } text) return Shard.Whole;
        try
        {
            return Shard.Parse(text, environment);
        }
        catch (FormatException e)
        {
            throw UsageException.For(option.Name, e.Message);
        }
    }

    /// <summary>The sub-folder of a protocol's output that shard i of n writes: <c>shard-i-of-n</c>.</summary>
    public static string FolderName(Shard shard) => string.Create(CultureInfo.InvariantCulture, $"shard-{shard.Index}-of-{shard.Count}");
}
