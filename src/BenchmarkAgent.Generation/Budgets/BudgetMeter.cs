using BenchmarkAgent.Execution;
using System.Globalization;
using BenchmarkAgent.Models;

namespace BenchmarkAgent.Generation.Budgets;

/// <summary>
/// Counts what a backbone spends against its <see cref="GenerationBudget"/>, thread-safe. Endpoint requests and tokens
/// come from the pipeline's <see cref="UsageAccountingChatClient"/> when there is one (it sits inside the response cache,
/// so cache hits cost nothing); otherwise every answered call and its reported usage count.
/// </summary>
internal sealed class BudgetMeter
{
    private readonly GenerationBudget _budget;
    private readonly UsageAccountingChatClient? _accounting;
    private readonly ModelUsage? _baseline;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private long _started = -1;
    private long _calls;
    private long _tokens;

    /// <summary>Creates a meter.</summary>
    /// <param name="budget">The limits.</param>
    /// <param name="accounting">The pipeline's token accounting, if any.</param>
    /// <param name="clock">The clock of the wall-time limit.</param>
    public BudgetMeter(GenerationBudget budget, UsageAccountingChatClient? accounting, TimeProvider clock)
    {
        _budget = budget;
        _accounting = accounting;
        _baseline = accounting?.Usage;
        _clock = clock;
    }

    /// <summary>Endpoint requests so far.</summary>
    public long Requests => _accounting is { } a ? a.Usage.Calls - _baseline!.Calls : Interlocked.Read(ref _calls);

    /// <summary>Input plus output tokens so far.</summary>
    public long Tokens => _accounting is { } a ? a.Usage.TotalTokens - _baseline!.TotalTokens : Interlocked.Read(ref _tokens);

    /// <summary>Starts the wall clock at the first call.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_started < 0)
            {
                _started = _clock.GetTimestamp();
            }
        }
    }

    /// <summary>Throws when a limit is reached; called before every generator call.</summary>
    /// <param name="finished">The items accepted so far (carried by the exception).</param>
    /// <exception cref="GenerationBudgetExceededException">A limit is reached.</exception>
    public void EnsureAvailable(Func<IReadOnlyList<Items.BenchmarkItem>> finished)
    {
        Start();
        if (_budget.MaxRequests is { } requests && Requests >= requests)
        {
            throw GenerationBudgetExceededException.ForLimit("requests", string.Create(CultureInfo.InvariantCulture, $"{Requests} of {requests} requests"), finished());
        }

        if (_budget.MaxTokens is { } tokens && Tokens >= tokens)
        {
            throw GenerationBudgetExceededException.ForLimit("tokens", string.Create(CultureInfo.InvariantCulture, $"{Tokens} of {tokens} tokens"), finished());
        }

        if (_budget.MaxWallTime is { } wall && _clock.GetElapsedTime(_started) >= wall)
        {
            throw GenerationBudgetExceededException.ForLimit("wall time", string.Create(CultureInfo.InvariantCulture, $"{_clock.GetElapsedTime(_started).TotalSeconds:0.#} of {wall.TotalSeconds:0.#} seconds"), finished());
        }
    }

    /// <summary>Records one answered call (used only without a pipeline's token accounting).</summary>
    /// <param name="totalTokens">The tokens the response reported.</param>
    public void Record(long totalTokens)
    {
        if (_accounting is null)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _tokens, totalTokens);
        }
    }
}
