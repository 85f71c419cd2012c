using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Testing.Sharding;

namespace BenchmarkAgent.Testing.Tests.Sharding;

public sealed class ShardSettingTests
{
    private static RunSettings Read(params (string Name, string? Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return RunSettingsReader.Read(name => map.GetValueOrDefault(name));
    }

    [Theory]
    [InlineData("3/8", 3, 8)]
    [InlineData("1/1", 1, 1)]
    [InlineData(" 8 / 8 ", 8, 8)]
    [InlineData("1024/1024", 1024, 1024)]
    [InlineData("01/4", 1, 4)]
    public void A_valid_k_of_n_is_read(string text, int index, int count)
    {
        var settings = Read((RunSettingsReader.ShardVariable, text));

        Assert.Empty(settings.Errors);
        Assert.Equal(new Shard(index, count), settings.Shard);
        Assert.Equal($"shard-{index}-of-{count}.json", settings.Shard!.FileName);
    }

    [Theory]
    [InlineData("0/8")]
    [InlineData("9/8")]
    [InlineData("a/b")]
    [InlineData("3")]
    [InlineData("3/8/2")]
    [InlineData("-1/8")]
    [InlineData("3/0")]
    [InlineData("1/1025")]
    [InlineData("3/8x")]
    [InlineData("1.5/8")]
    [InlineData("٣/٨")]
    [InlineData("99999999999/99999999999")]
    public void An_invalid_shard_is_BA2080_naming_the_value_and_the_form(string text)
    {
        var settings = Read((RunSettingsReader.ShardVariable, text));

        var error = Assert.Single(settings.Errors);
        Assert.Equal("BA2080", error.Code);
        Assert.Equal(RunSettingsReader.ShardVariable, error.Variable);
        Assert.Contains($"it is '{text.Trim()}'", error.Text);
        Assert.Contains("k/n", error.Text);
        Assert.Null(settings.Shard);
    }

    [Fact]
    public void An_empty_shard_is_unset_and_a_merge_folder_is_read()
    {
        var settings = Read((RunSettingsReader.ShardVariable, "  "), (RunSettingsReader.MergeVariable, "/tmp/shards"));

        Assert.Empty(settings.Errors);
        Assert.Null(settings.Shard);
        Assert.Equal("/tmp/shards", settings.MergeDirectory);
    }

    [Fact]
    public void Shard_and_merge_together_are_BA2081()
    {
        var settings = Read((RunSettingsReader.ShardVariable, "2/4"), (RunSettingsReader.MergeVariable, "shards"));

        var error = Assert.Single(settings.Errors);
        Assert.Equal("BA2081", error.Code);
        Assert.Contains("Unset BENCHAGENT_SHARD in the merge job", error.Text);
    }
}
