using BenchmarkAgent.Items;
using BenchmarkAgent.Media;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Media;

public sealed class MediaReferenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ba-media-ref-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static BenchmarkItem Item(params MediaReference[] media) =>
        new BenchmarkItem(
            "0123456789",
            "charts",
            Difficulty.Easy,
            "Which bar is tallest? Answer with the letter.",
            [],
            new ExpectedAnswer(AnswerType.ShortText, "B", 0),
            new ItemProvenance(ItemSource.Parse("family:bar-chart-reading"), "1", 0, 0, [], ["checker"]))
        { Media = media };

    [Fact]
    public void A_content_gets_a_content_addressed_path_under_media()
    {
        var content = MediaContent.Create(MediaKind.Image, MediaTypes.Png, new byte[] { 1, 2, 3 });
        var reference = MediaReference.For(content);
        Assert.Equal("media/" + content.Sha256[..16] + ".png", reference.Path);
        Assert.Equal(3, reference.Length);
        Assert.True(MediaPaths.IsSafe(reference.Path));
        Assert.Equal(reference, MediaReference.For(MediaContent.Create(MediaKind.Image, MediaTypes.Png, new byte[] { 1, 2, 3 })));
    }

    [Fact]
    public void A_type_of_the_wrong_kind_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MediaContent.Create(MediaKind.Audio, MediaTypes.Png, new byte[] { 1 }));
        Assert.Throws<ArgumentException>(() => MediaContent.Create(MediaKind.Image, "image/svg+xml", new byte[] { 1 }));
    }

    [Theory]
    [InlineData("media/../plan.json")]
    [InlineData("media/a/b.png")]
    [InlineData("/etc/passwd")]
    [InlineData("media\\a.png")]
    [InlineData("media/.hidden")]
    [InlineData("media/a\u202Egnp.exe")]
    [InlineData("media/A.PNG")]
    [InlineData("items.json")]
    [InlineData("media/")]
    public void Unsafe_paths_are_not_safe(string path) => Assert.False(MediaPaths.IsSafe(path));

    [Fact]
    public void Media_round_trips_through_items_json_and_changes_the_content_hash()
    {
        var image = MediaReference.For(MediaContent.Create(MediaKind.Image, MediaTypes.Png, new byte[] { 9, 8, 7 }));
        var audio = MediaReference.For(MediaContent.Create(MediaKind.Audio, MediaTypes.Wav, new byte[] { 1, 1 }));
        var item = Item(image, audio);
        string path = Path.Combine(_dir, "items.json");
        File.WriteAllBytes(path, SnapshotWriter.ItemsBytes("charts", [item]));

        var read = Assert.Single(SnapshotReader.ReadItems(path));
        Assert.Equal([image, audio], read.Media);
        Assert.Equal(ItemContent.Hash(item), ItemContent.Hash(read));
        Assert.NotEqual(ItemContent.Hash(item), ItemContent.Hash(Item(image)));
        Assert.NotEqual(ItemContent.Hash(Item()), ItemContent.Hash(item));
    }

    [Fact]
    public void A_text_item_writes_no_media_array()
    {
        string path = Path.Combine(_dir, "items.json");
        File.WriteAllBytes(path, SnapshotWriter.ItemsBytes("charts", [Item()]));
        Assert.DoesNotContain("\"media\"", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Empty(Assert.Single(SnapshotReader.ReadItems(path)).Media);
    }

    [Fact]
    public void An_escaping_media_path_in_items_json_is_BA0260_naming_the_item()
    {
        var image = MediaReference.For(MediaContent.Create(MediaKind.Image, MediaTypes.Png, new byte[] { 9 }));
        string path = Path.Combine(_dir, "items.json");
        string json = System.Text.Encoding.UTF8.GetString(SnapshotWriter.ItemsBytes("charts", [Item(image)]));
        File.WriteAllText(path, json.Replace(image.Path, "media/../../secret.png", StringComparison.Ordinal));
        var error = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path));
        Assert.Equal("BA0260", error.Code);
        Assert.Contains("0123456789", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_media_entry_with_a_bad_hash_is_malformed()
    {
        var image = MediaReference.For(MediaContent.Create(MediaKind.Image, MediaTypes.Png, new byte[] { 9 }));
        string path = Path.Combine(_dir, "items.json");
        string json = System.Text.Encoding.UTF8.GetString(SnapshotWriter.ItemsBytes("charts", [Item(image)]));
        File.WriteAllText(path, json.Replace(image.Sha256, "XYZ", StringComparison.Ordinal));
        Assert.Equal("BA0201", Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path)).Code);
    }

    [Fact]
    public void MediaStore_reads_a_recorded_file_and_refuses_a_missing_changed_or_linked_one()
    {
        var content = MediaContent.Create(MediaKind.Image, MediaTypes.Png, new byte[] { 137, 80, 78, 71 });
        var reference = MediaReference.For(content);
        string file = MediaPaths.Resolve(_dir, reference.Path);
        Assert.Equal("BA0261", Assert.Throws<SnapshotFormatException>(() => MediaStore.ReadVerified(_dir, reference, "abc")).Code);

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, content.Bytes.ToArray());
        Assert.Equal(content.Bytes.ToArray(), MediaStore.ReadVerified(_dir, reference, "abc"));

        File.WriteAllBytes(file, new byte[] { 137, 80, 78, 72 });
        var changed = Assert.Throws<SnapshotFormatException>(() => MediaStore.ReadVerified(_dir, reference, "abc"));
        Assert.Equal("BA0262", changed.Code);
        Assert.Contains("abc", changed.Message, StringComparison.Ordinal);

        File.WriteAllBytes(file, new byte[] { 1 });
        Assert.Equal("BA0262", Assert.Throws<SnapshotFormatException>(() => MediaStore.ReadVerified(_dir, reference, "abc")).Code);

        string outside = Path.Combine(_dir, "outside.png");
        File.WriteAllBytes(outside, content.Bytes.ToArray());
        File.Delete(file);
        File.CreateSymbolicLink(file, outside);
        Assert.Equal("BA0260", Assert.Throws<SnapshotFormatException>(() => MediaStore.ReadVerified(_dir, reference, "abc")).Code);
    }
}
