using GanAugment.Evaluation.Sharding;

namespace GanAugment.Evaluation.Tests.Imbalance;

public sealed class ShardPartsTests
{
    [Theory]
    [InlineData(10, 3)]
    [InlineData(9, 3)]
    [InlineData(2, 4)]
    [InlineData(30, 1)]
    public void The_shards_cover_every_unit_once_in_order_in_contiguous_blocks(int units, int shards)
    {
        var all = Enumerable.Range(0, units).ToList();
        var parts = Enumerable.Range(0, shards).Select(i => new Shard(i, shards).Take(all)).ToList();
        Assert.Equal(all, parts.SelectMany(p => p));
        Assert.All(parts, p => Assert.InRange(p.Count, units / shards, (units + shards - 1) / shards));
    }

    [Fact]
    public void The_index_comes_from_the_text_or_from_the_cluster_variables()
    {
        static string? None(string _) => null;
        Assert.Equal(new Shard(2, 5), Shard.Parse("2/5", None));
        Assert.Equal(new Shard(3, 4), Shard.Parse("4", n => n == "JOB_COMPLETION_INDEX" ? "3" : null));
        Assert.Equal(new Shard(1, 4), Shard.Parse("4", n => n switch { "SLURM_ARRAY_TASK_ID" => "2", "SLURM_ARRAY_TASK_MIN" => "1", _ => null }));
        Assert.Equal(new Shard(2, 4), Shard.Parse("4", n => n == "SLURM_ARRAY_TASK_ID" ? "2" : null));
        Assert.Contains("neither is set", Assert.Throws<FormatException>(() => Shard.Parse("4", None)).Message);
        Assert.Contains("does not exist", Assert.Throws<FormatException>(() => Shard.Parse("4", n => n == "JOB_COMPLETION_INDEX" ? "4" : null)).Message);
        Assert.Contains("is not a shard", Assert.Throws<FormatException>(() => Shard.Parse("1/2/3", None)).Message);
        Assert.Contains("not a task index", Assert.Throws<FormatException>(() => Shard.Parse("2", n => n == "JOB_COMPLETION_INDEX" ? "-1" : null)).Message);
    }
}
