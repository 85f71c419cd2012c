using BenchmarkAgent.Testing.Settings;

namespace BenchmarkAgent.Testing.Tests.Settings;

public sealed class CacheRedisSettingTests
{
    private static RunSettings Read(string? value) =>
        RunSettingsReader.Read(name => name == RunSettingsReader.CacheRedisVariable ? value : null);

    [Fact]
    public void Unset_or_blank_keeps_the_folder_cache()
    {
        Assert.Null(Read(null).RedisCache);
        Assert.Null(Read("   ").RedisCache);
        Assert.Empty(Read(" ").Errors);
    }

    [Theory]
    [InlineData("127.0.0.1:6379", "127.0.0.1:6379")]
    [InlineData("cache.internal:6380,password=Hunter2-secret,ssl=true", "cache.internal:6380")]
    [InlineData("a:1,b:2,password=Hunter2-secret", "a:1,b:2")]
    public void A_connection_string_is_read_and_described_without_its_password(string value, string description)
    {
        var settings = Read(value);

        Assert.Empty(settings.Errors);
        Assert.Equal(description, settings.RedisCache!.Description);
        Assert.DoesNotContain("Hunter2", settings.RedisCache.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", settings.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password=Hunter2-secret")]
    [InlineData("127.0.0.1:6379,passwrd=Hunter2-secret")]
    [InlineData("127.0.0.1:6379,connectTimeout=Hunter2-secret")]
    [InlineData(",,,")]
    public void A_wrong_value_is_BA2100_and_never_echoes_the_text(string value)
    {
        var settings = Read(value);

        var error = Assert.Single(settings.Errors);
        Assert.Equal("BA2100", error.Code);
        Assert.Equal(RunSettingsReader.CacheRedisVariable, error.Variable);
        Assert.DoesNotContain("Hunter2", error.Message, StringComparison.Ordinal);
        Assert.Contains("host:port", error.Message, StringComparison.Ordinal);
        Assert.Null(settings.RedisCache);
    }
}
