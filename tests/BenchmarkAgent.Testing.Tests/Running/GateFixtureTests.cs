using BenchmarkAgent.Persistence;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Testing.Tests.Running;

public sealed class GateFixtureTests
{
    [Fact]
    public void The_committed_fixture_snapshot_is_what_its_generator_writes()
    {
        if (Environment.GetEnvironmentVariable("BENCHAGENT_TEST_UPDATE_FIXTURES") == "true")
        {
            AtomicFile.WriteAllBytes(GateFixture.SourcePath(), GateFixture.Bytes());
        }

        Assert.Equal(GateFixture.Bytes(), File.ReadAllBytes(GateFixture.SourcePath()));
        Assert.Equal(GateFixture.Items().Select(i => i.Id), SnapshotReader.ReadItems(Path.Combine(GateFixture.OutputDirectory, SnapshotLayout.ItemsFileName)).Select(i => i.Id));
    }
}
