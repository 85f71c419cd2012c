using System.Collections.Concurrent;
using System.Diagnostics;
using BenchmarkAgent.Execution;
using Microsoft.Extensions.AI;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Items;
using BenchmarkAgent.Models;

namespace BenchmarkAgent.Testing.Running;

/// <summary>
/// Pipelines calls to the subject across all items of a run. xUnit runs an item theory's rows one after another in
/// snapshot order, so the scheduler starts calls ahead of the tests in that order, at most <c>concurrency</c> in flight,
/// and each test case awaits only its own answer. With repeats, repeat <c>r</c> of an item is a separate call carrying
/// <c>r</c> in <see cref="RepeatPropertyKey"/>.
/// </summary>
/// <remarks>
/// Calls start only a bounded distance ahead of the tests (<see cref="LookAhead"/> items started and not yet asked for),
/// not all at once: a 50,000-item run held a task, a <see cref="Lazy{T}"/> and two state machines per item from the
/// first ask until that item's test ran (issue 16), and a run filtered to a few tests called the subject for every item.
/// An item asked before the scheduler reached it starts at once, and the look-ahead continues after it.
/// </remarks>
internal sealed class SubjectScheduler : IAsyncDisposable
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key carrying the 0-based repeat index of a call.</summary>
    public const string RepeatPropertyKey = "benchagent.repeat";

    /// <summary>The fewest items started ahead of the tests, whatever the concurrency.</summary>
    internal const int MinLookAhead = 64;

    private const byte NotStarted = 0;
    private const byte Ahead = 1;
    private const byte Asked = 2;

    private readonly IChatClient _subject;
    private readonly IReadOnlyList<(string Benchmark, BenchmarkItem Item)> _items;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<SubjectAnswer>>> _answers = new(StringComparer.Ordinal);
    private readonly Action<string, BenchmarkItem, int, SubjectAnswer>? _answered;
    private readonly ChatOptions? _options;
    private readonly Func<string, BenchmarkItem, IReadOnlyList<AIContent>>? _media;
    private readonly object _pump = new();
    private readonly Dictionary<BenchmarkItem, int> _positions; // an item's place in _items
    private readonly byte[] _states; // per item of _items: NotStarted, Ahead (started, not asked yet) or Asked
    private int _next; // the next item of _items the pump may start
    private int _ahead; // items started and not asked yet
    private int _disposed;

    /// <summary>Creates a scheduler over every item the run may ask for, in the order calls should start.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="items">Every item of the run, in the order calls should start (the order the tests ask).</param>
    /// <param name="concurrency">The most calls in flight at once.</param>
    /// <param name="repeats">How many times each item is asked (1 or more).</param>
    /// <param name="answered">Called as each answer arrives (benchmark, item, repeat, answer), e.g. to start judging it at once.</param>
    /// <param name="options">Sampling options every call starts from (temperature, max tokens, ...); not modified.</param>
    /// <param name="media">
    /// Reads an item's media parts (benchmark, item) when its call starts, so only calls in flight hold media bytes; a
    /// failure (a missing or edited file) makes that item an error item. <see langword="null"/>: items are sent as text.
    /// </param>
    public SubjectScheduler(IChatClient subject, IReadOnlyList<(string Benchmark, BenchmarkItem Item)> items, int concurrency, int repeats = 1, Action<string, BenchmarkItem, int, SubjectAnswer>? answered = null, ChatOptions? options = null, Func<string, BenchmarkItem, IReadOnlyList<AIContent>>? media = null)
    {
        _media = media;
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        _subject = subject;
        _items = items;
        _slots = new SemaphoreSlim(concurrency, concurrency);
        _answered = answered;
        _options = options;
        Concurrency = concurrency;
        Repeats = repeats;
        LookAhead = Math.Max(MinLookAhead, 4 * concurrency);
        _positions = new Dictionary<BenchmarkItem, int>(items.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < items.Count; i++)
        {
            _positions.TryAdd(items[i].Item, i);
        }

        _states = new byte[items.Count];
    }

    /// <summary>The most calls in flight at once.</summary>
    public int Concurrency { get; }

    /// <summary>How many times each item is asked.</summary>
    public int Repeats { get; }

    /// <summary>The most items whose calls have started before their test asked (every repeat of an item counts once).</summary>
    public int LookAhead { get; }

    /// <summary>Returns the (first) answer to <paramref name="item"/>; the first ask starts the run's calls.</summary>
    public Task<SubjectAnswer> AskAsync(string benchmark, BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var call = Take(benchmark, item, repeats: 1)[0];

        // An item outside the prepared list (e.g. a custom test class) is still served, through the same slots.
        return call.WaitAsync(cancellationToken);
    }

    /// <summary>Returns the answers of every repeat of <paramref name="item"/>, in repeat order; the first ask starts the run's calls.</summary>
    public async Task<IReadOnlyList<SubjectAnswer>> AskRepeatsAsync(string benchmark, BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        // Every repeat's call is taken before the first await, so a later Forget cannot make a repeat start again.
        var calls = Take(benchmark, item, Repeats);
        var answers = new SubjectAnswer[Repeats];
        for (int repeat = 0; repeat < Repeats; repeat++)
        {
            answers[repeat] = await calls[repeat].WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return answers;
    }

    /// <summary>
    /// Drops what the scheduler keeps of an item (every repeat's call and answer) once its result is recorded, so a run
    /// does not hold every answer until it ends. A call still in flight finishes for whoever awaits it; asking for the
    /// item again afterwards would call the subject again, so the run asks only for items it has not recorded.
    /// </summary>
    /// <param name="benchmark">The benchmark.</param>
    /// <param name="itemId">The item id.</param>
    public void Forget(string benchmark, string itemId)
    {
        for (int repeat = 0; repeat < Repeats; repeat++)
        {
            _answers.TryRemove(Key(benchmark, itemId, repeat), out _);
        }
    }

    /// <summary>Cancels calls still queued or in flight; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _slots.Dispose();
    }

    /// <summary>
    /// Starts the first calls of the run (up to <see cref="LookAhead"/> items ahead of the tests, at most
    /// <see cref="Concurrency"/> in flight); while the look-ahead is full, a later call starts nothing. Every ask does
    /// this too, so calling it is only needed to start before any item is asked.
    /// </summary>
    public void StartLookAhead()
    {
        var start = new List<Lazy<Task<SubjectAnswer>>>();
        lock (_pump)
        {
            Pump(start);
        }

        Start(start);
    }

    /// <summary>
    /// Takes the calls of an item's first <paramref name="repeats"/> repeats for its test (starting them if the pump has
    /// not), marks the item asked, and lets the pump start the next items in its place.
    /// </summary>
    private Task<SubjectAnswer>[] Take(string benchmark, BenchmarkItem item, int repeats)
    {
        var calls = new Lazy<Task<SubjectAnswer>>[repeats];
        var start = new List<Lazy<Task<SubjectAnswer>>>();
        lock (_pump)
        {
            if (_positions.TryGetValue(item, out int position))
            {
                if (_states[position] == Ahead)
                {
                    _ahead--;
                }

                _states[position] = Asked;
                if (position >= _next)
                {
                    // Asked before the pump reached it (a filtered run, another order): the look-ahead continues after it.
                    _next = position + 1;
                }
            }

            for (int repeat = 0; repeat < repeats; repeat++)
            {
                calls[repeat] = Answer(benchmark, item, repeat);
            }

            Pump(start);
        }

        // The calls start outside the lock (a call runs synchronously up to its first await); the asked item's first, so
        // it does not queue behind the look-ahead it has just let start.
        var tasks = Array.ConvertAll(calls, call => call.Value);
        Start(start);
        return tasks;
    }

    /// <summary>
    /// Picks the next items not started yet while fewer than <see cref="LookAhead"/> are ahead of the tests, and adds every
    /// repeat's call of each to <paramref name="start"/> (under the lock: the calls are taken before a Forget could drop
    /// them, so a recorded item is never called again; they start once the lock is released).
    /// </summary>
    private void Pump(List<Lazy<Task<SubjectAnswer>>> start)
    {
        while (_ahead < LookAhead && _next < _items.Count)
        {
            int position = _next++;
            if (_states[position] != NotStarted)
            {
                continue;
            }

            _states[position] = Ahead;
            _ahead++;
            var (benchmark, item) = _items[position];
            for (int repeat = 0; repeat < Repeats; repeat++)
            {
                start.Add(Answer(benchmark, item, repeat));
            }
        }
    }

    /// <summary>Starts the picked calls, in order (item-major); each waits for a free slot.</summary>
    private static void Start(List<Lazy<Task<SubjectAnswer>>> calls)
    {
        foreach (var call in calls)
        {
            _ = call.Value;
        }
    }

    private Lazy<Task<SubjectAnswer>> Answer(string benchmark, BenchmarkItem item, int repeat) =>
        _answers.GetOrAdd(Key(benchmark, item.Id, repeat), _ => new Lazy<Task<SubjectAnswer>>(() => AnswerAsync(benchmark, item, repeat), LazyThreadSafetyMode.ExecutionAndPublication));

    private static string Key(string benchmark, string itemId, int repeat) => $"{benchmark}/{itemId}#{repeat}";

    private async Task<SubjectAnswer> AnswerAsync(string benchmark, BenchmarkItem item, int repeat)
    {
        var answer = await CallAsync(benchmark, item, repeat).ConfigureAwait(false);
        try
        {
            _answered?.Invoke(benchmark, item, repeat, answer);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failing observer must not lose the answer; whatever it started reports its own errors.
        }

        return answer;
    }

    private async Task<SubjectAnswer> CallAsync(string benchmark, BenchmarkItem item, int repeat)
    {
        var token = _stopping.Token;
        try
        {
            await _slots.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            return new SubjectAnswer(string.Empty, TimeSpan.Zero, ex);
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            var options = BenchmarkPrompt.CreateOptions(item, _options);
            options.AdditionalProperties![RepeatPropertyKey] = repeat;
            // Media are read (and verified against items.json) only now, inside the slot: a changed file is this item's error.
            var messages = _media is not null && item.Media.Count > 0
                ? BenchmarkPrompt.CreateMessages(item, _media(benchmark, item))
                : BenchmarkPrompt.CreateMessages(item);
            var response = await _subject.GetResponseAsync(messages, options, token).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(response.Text))
            {
                // An empty choices array or null content is not a wrong answer: the item is an error, counted apart, not scored.
                return new SubjectAnswer(string.Empty, stopwatch.Elapsed, new EmptyResponseException(response.Messages.Count), TokenCounts.From(response.Usage));
            }

            return new SubjectAnswer(response.Text, stopwatch.Elapsed, null, TokenCounts.From(response.Usage));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentOutOfRangeException && !token.IsCancellationRequested)
        {
            // The OpenAI SDK throws these while reading a malformed body or an empty choices array: the same error item (BA2063).
            return new SubjectAnswer(string.Empty, stopwatch.Elapsed, new EmptyResponseException(
                $"{ErrorCodes.EmptyResponse}: the subject's response was malformed or had no answer ({ex.GetType().Name}: {ex.Message}); the item is counted as an error, not scored.", ex));
        }
        catch (ModelCallException ex) when (ex.InnerException is MalformedReplyException malformed && !token.IsCancellationRequested)
        {
            // Every attempt got a reply that is not a chat completion: the same error item (BA2063), after the retries.
            return new SubjectAnswer(string.Empty, stopwatch.Elapsed, new EmptyResponseException(
                $"{ErrorCodes.EmptyResponse}: the subject's response was malformed or had no answer in every attempt ({malformed.InnerException!.GetType().Name}); the item is counted as an error, not scored.", ex));
        }
        catch (Exception ex)
        {
            // Fail closed: the error travels to the item's test, which fails with it.
            return new SubjectAnswer(string.Empty, stopwatch.Elapsed, ex);
        }
        finally
        {
            try
            {
                _slots.Release();
            }
            catch (ObjectDisposedException)
            {
                // The run ended while this call was in flight; nothing waits for the slot any more.
            }
        }
    }
}
