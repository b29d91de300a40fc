using System.CommandLine;

namespace GanAugment.Cli.Commands.EvaluateMerge;

/// <summary>The options and help of <c>ganaug evaluate merge</c>.</summary>
internal static class EvaluateMergeCommandDefinition
{
    public static readonly Argument<string[]> Folders = new("folders")
    {
        Description = "Shard folders (each with a partial.json), or the protocol's --out folder that holds their shard-i-of-n/ sub-folders",
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<string?> Out = new("--out")
    {
        Description = "Folder of the joined report (default: the folder that holds the shard folders)",
        HelpName = "dir",
    };

    public static readonly Command Command = new("merge", """
        Join the partial results of a protocol run in shards (`--shard i/n` of `evaluate imbalance`,
        with images or a table, or of `evaluate fewshot`)
        into the report that one unsharded run writes: every shard of the same experiment must be
        there once. The shards can run on other machines (a Kubernetes indexed Job, a Slurm job
        array: see docs/SCALING.md); copy their folders here, or merge on the shared file system.

        Examples:
          ganaug evaluate merge runs/imb
          ganaug evaluate merge /mnt/a/shard-0-of-2 /mnt/b/shard-1-of-2 --out runs/imb
        """)
    {
        Folders, Out,
    };
}
