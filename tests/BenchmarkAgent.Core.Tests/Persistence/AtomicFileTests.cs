using System.Text;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Core.Tests.Snapshots;

namespace BenchmarkAgent.Core.Tests.Persistence;

public sealed class AtomicFileTests
{
    [Fact]
    public void Writes_a_new_file()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.json");
        byte[] content = Encoding.UTF8.GetBytes("{ \"x\": 1 }\n");

        Assert.True(AtomicFile.WriteAllBytes(path, content));

        Assert.Equal(content, File.ReadAllBytes(path));
    }

    [Fact]
    public void Identical_content_is_not_rewritten()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.json");
        byte[] content = Encoding.UTF8.GetBytes("same\n");
        Assert.True(AtomicFile.WriteAllBytes(path, content));
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        Assert.False(AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes("same\n")));

        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        Assert.Equal(content, File.ReadAllBytes(path));
    }

    [Fact]
    public void Changed_content_replaces_the_file()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.json");
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes("a longer first version\n"));

        Assert.True(AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes("short\n")));

        Assert.Equal("short\n", File.ReadAllText(path));
    }

    [Fact]
    public void No_temporary_files_are_left_behind()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.json");
        AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        AtomicFile.WriteAllBytes(path, [4, 5]);

        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(["a.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_leaves_no_temporary_file_and_the_old_content()
    {
        using var dir = new TempDirectory();
        string path = dir.File("target");
        Directory.CreateDirectory(path);

        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllBytes(path, [1, 2, 3]));

        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }
}
