using BenchmarkAgent.Execution;
using BenchmarkAgent.Core.Tests.Execution;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Core.Tests.Snapshots;

namespace BenchmarkAgent.Core.Tests.Persistence;

public sealed class GenerationJournalTests : IDisposable
{
    private const string Fingerprint = "sha256:aaaa";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string JournalPath => GenerationJournal.PathFor(_dir.Path, "bench");

    /// <summary>Real entries, with multiple-choice items, multi-line prompts and rejected attempts.</summary>
    private static List<JournalEntry> Entries()
    {
        var journal = new MemoryJournal();
        PickyTestFamily.Generate(PickyTestFamily.Plan(), journal);
        return journal.Appended;
    }

    private static void SameEntry(JournalEntry expected, JournalEntry actual)
    {
        ItemAssert.Same(expected.Item, actual.Item);
        Assert.Equal(expected.Rejections, actual.Rejections);
    }

    private List<JournalEntry> Reopen(out int recovered)
    {
        using var journal = GenerationJournal.Open(JournalPath, "bench", Fingerprint);
        recovered = journal.Recovered;
        var found = new List<JournalEntry>();
        foreach (var expected in Entries())
        {
            if (journal.TryGet(expected.Item.Subtask, expected.Item.Provenance.Index, out var entry))
            {
                found.Add(entry);
            }
        }

        return found;
    }

    private void Write(IEnumerable<JournalEntry> entries)
    {
        using var journal = GenerationJournal.Open(JournalPath, "bench", Fingerprint);
        foreach (var entry in entries)
        {
            journal.Append(entry);
        }
    }

    [Fact]
    public void Appended_entries_read_back_identically_after_reopening()
    {
        var entries = Entries();
        Assert.Contains(entries, e => e.Item.Choices.Count > 0);
        Assert.Contains(entries, e => e.Item.Prompt.Contains('\n'));
        Assert.Contains(entries, e => e.Rejections.Count > 0);
        Write(entries);

        var read = Reopen(out int recovered);

        Assert.Equal(entries.Count, recovered);
        Assert.Equal(entries.Count, read.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            SameEntry(entries[i], read[i]);
        }
    }

    [Fact]
    public void A_torn_last_record_is_ignored_at_every_cut_and_appending_afterwards_continues_cleanly()
    {
        var entries = Entries().Take(4).ToList();
        Write(entries);
        byte[] whole = File.ReadAllBytes(JournalPath);
        int lastStart = Array.LastIndexOf(whole, (byte)'\n', whole.Length - 2) + 1;

        for (int cut = lastStart; cut < whole.Length; cut++)
        {
            File.WriteAllBytes(JournalPath, whole[..cut]);

            var read = Reopen(out int recovered);

            Assert.Equal(3, recovered);
            Assert.Equal(entries.Take(3).Select(e => e.Item.Id), read.Select(e => e.Item.Id));
            // The torn bytes are gone: appending the lost entry again restores the original file exactly.
            Write([entries[3]]);
            Assert.Equal(whole, File.ReadAllBytes(JournalPath));
        }
    }

    [Fact]
    public void A_damaged_record_and_everything_after_it_are_dropped()
    {
        var entries = Entries().Take(5).ToList();
        Write(entries);
        var lines = File.ReadAllText(JournalPath).Split('\n');
        lines[3] = lines[3].Replace("\"Prompt\"", "\"Prompx\"", StringComparison.Ordinal); // the third record loses a required field
        File.WriteAllText(JournalPath, string.Join('\n', lines));

        var read = Reopen(out int recovered);

        Assert.Equal(2, recovered);
        Assert.Equal(entries.Take(2).Select(e => e.Item.Id), read.Select(e => e.Item.Id));
    }

    [Theory]
    [InlineData("bench", "sha256:bbbb")]
    [InlineData("other", Fingerprint)]
    public void A_journal_for_other_inputs_is_discarded(string benchmark, string fingerprint)
    {
        Write(Entries().Take(3));
        string header = File.ReadLines(JournalPath).First();

        using (var journal = GenerationJournal.Open(JournalPath, benchmark, fingerprint))
        {
            Assert.Equal(0, journal.Recovered);
        }

        string rewritten = File.ReadAllText(JournalPath);
        Assert.NotEqual(header + "\n", rewritten);
        Assert.Single(rewritten.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(fingerprint, rewritten);
    }

    [Fact]
    public void Reused_counts_positions_served_and_not_regenerated_and_delete_removes_the_file()
    {
        var entries = Entries().Take(3).ToList();
        Write(entries);
        using var journal = GenerationJournal.Open(JournalPath, "bench", Fingerprint);

        Assert.True(journal.TryGet(entries[0].Item.Subtask, entries[0].Item.Provenance.Index, out _));
        Assert.True(journal.TryGet(entries[1].Item.Subtask, entries[1].Item.Provenance.Index, out _));
        Assert.False(journal.TryGet(entries[0].Item.Subtask, 999, out _));
        journal.Append(entries[1]); // position 1 did not fit and was regenerated
        Assert.Equal(1, journal.Reused);

        journal.Delete();
        Assert.False(File.Exists(JournalPath));
    }
}
