using System.Diagnostics;
using System.Reflection;

namespace BenchmarkAgent.Media.Tests;

public sealed class MediaDeterminismTests
{
    private const int Seeds = 4;

    [Fact]
    public async Task Two_processes_render_byte_identical_media_for_every_family_level_and_seed()
    {
        var first = await RunHostAsync();
        var second = await RunHostAsync();
        int expected = MediaFamilyData.All.Count * 3 * Seeds;
        Assert.Equal(expected, first.Count);
        Assert.Equal(first, second);

        // And the same bytes as this (third) process renders.
        foreach (string line in first)
        {
            string[] parts = line.Split(' ');
            var sample = MediaFamilyData.Get(parts[0]).Generate(ulong.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<Difficulty>(parts[1]));
            Assert.Equal(parts[3], string.Join(',', sample.Media.Select(m => m.Sha256)));
        }

        // Different seeds of a family give different files (the hashes are not all one constant).
        Assert.True(first.Select(l => l.Split(' ')[3]).Distinct().Count() >= expected * 0.9);
    }

    private static async Task<List<string>> RunHostAsync()
    {
        string host = typeof(MediaDeterminismTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BenchmarkAgent.Media.TestHost").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(host);
        start.ArgumentList.Add(Seeds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, await error);
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
