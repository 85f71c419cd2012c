using BenchmarkAgent.Families;
using BenchmarkAgent.Items;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Verification;

namespace BenchmarkAgent.Generation.Execution;

/// <summary>
/// The shared state of one generation: the verification context (the prompts kept from the snapshot on disk), the resume journal and the
/// items accepted in this run. Thread-safe, so positions can be realised concurrently.
/// </summary>
internal sealed class GenerationRun
{
    private readonly Lock _gate = new();
    private readonly VerificationContext _context = new();
    private readonly List<BenchmarkItem> _accepted = [];
    private readonly Dictionary<string, Media.MediaContent> _media = new(StringComparer.Ordinal);
    private readonly CompositeVerifier _verifier;
    private int _consecutiveCallFailures;

    /// <summary>How many candidates in a row may lose a call for good before the generation ends (BA0500).</summary>
    public const int MaxConsecutiveCallFailures = 3;

    /// <summary>Creates the state of a run that keeps <paramref name="kept"/> and journals into <paramref name="journal"/>.</summary>
    public GenerationRun(CompositeVerifier verifier, IItemJournal? journal, IEnumerable<BenchmarkItem> kept)
    {
        _verifier = verifier;
        Journal = journal;
        foreach (var item in kept)
        {
            _context.AddItem(item);
        }
    }

    /// <summary>The bytes of the media files of the items accepted in this run, by SHA-256, for the snapshot writer.</summary>
    public IReadOnlyDictionary<string, Media.MediaContent> Media
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, Media.MediaContent>(_media, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The resume journal, or null.</summary>
    public IItemJournal? Journal { get; }

    /// <summary>The items accepted in this run so far (new and resumed), in acceptance order.</summary>
    public IReadOnlyList<BenchmarkItem> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    /// <summary>Runs the offline checks (schema, family checker, leakage, duplicates) on a sample.</summary>
    public VerificationVerdict? Verify(FamilySample sample, ITaskFamily? family, Difficulty difficulty, string? solution)
    {
        lock (_gate)
        {
            return _verifier.FirstFailure(new CandidateSample(sample, family, difficulty) { Solution = solution }, _context);
        }
    }

    /// <summary>
    /// Accepts an item unless its prompt is one of the items kept from the snapshot on disk; journals a new one. Prompts
    /// realised in this run are not compared here: positions run concurrently, so which sibling came first depends on
    /// timing; the reconciler drops in-run duplicates in plan and position order instead, whatever the timing.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="rejections">The checks that rejected earlier candidates of its position (null: it came from the journal).</param>
    /// <returns>False for a duplicate of a kept item.</returns>
    /// <param name="media">The bytes of the item's media files (same order as its references); empty for a text item.</param>
    public bool TryAccept(BenchmarkItem item, IReadOnlyList<string>? rejections, IReadOnlyList<Media.MediaContent>? media = null)
    {
        lock (_gate)
        {
            if (_context.ContainsSample(new Families.FamilySample(item.Prompt, item.Answer, item.Choices) { Media = media ?? [] }))
            {
                return false;
            }

            _accepted.Add(item);
            foreach (var content in media ?? [])
            {
                _media.TryAdd(content.Sha256, content);
            }

            if (rejections is not null)
            {
                Journal?.Append(new JournalEntry(item, rejections) { MediaFiles = media ?? [] });
            }

            return true;
        }
    }

    /// <summary>Records a candidate whose calls all got answers; resets the run of failures.</summary>
    public void CallsSucceeded() => Interlocked.Exchange(ref _consecutiveCallFailures, 0);

    /// <summary>Records a candidate that lost a call for good; returns how many did in a row.</summary>
    public int CallFailed() => Interlocked.Increment(ref _consecutiveCallFailures);
}
