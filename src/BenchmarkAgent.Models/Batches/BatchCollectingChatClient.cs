using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models;

/// <summary>
/// Sits right below the response cache of a role in batch mode and never calls the endpoint: a call that reaches it is
/// a cache miss. It first lets the <see cref="BatchSession"/> collect a finished batch into the cache (then the call is
/// answered from there), reports a failed line as an error (<c>BA2112</c>/<c>BA2114</c>), and otherwise records the
/// call for the next batch and reports it as pending (<c>BA2110</c>), which the test run shows as a skipped item.
/// </summary>
internal sealed class BatchCollectingChatClient : DelegatingChatClient
{
    private readonly BatchSession _session;
    private readonly ResponseCacheChatClient _cache;

    /// <summary>Creates the client.</summary>
    /// <param name="innerClient">The rest of the pipeline (never called for non-streaming calls).</param>
    /// <param name="session">The role's batch.</param>
    /// <param name="cache">A response cache client over the same storage with the same key values: the key function and the store.</param>
    public BatchCollectingChatClient(IChatClient innerClient, BatchSession session, ResponseCacheChatClient cache)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(cache);
        _session = session;
        _cache = cache;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        await _session.EnsureReadyAsync(_cache, cancellationToken).ConfigureAwait(false);
        string key = _cache.ResponseKeyOf(list, options);
        if (await _cache.LoadAsync(key, cancellationToken).ConfigureAwait(false) is { } collected)
        {
            return collected;
        }

        string role = _session.Role.ToString().ToLowerInvariant();
        if (_session.FailureOf(key) is { } failure)
        {
            throw new ModelCallException(failure.Code, role,
                $"the {role} call failed in its provider batch: {failure.Reason}. The next batch round asks it again.");
        }

        if (!_session.IsInFlight(key))
        {
            await _session.RecordAsync(key, list, options, cancellationToken).ConfigureAwait(false);
        }

        throw new ModelCallException(ErrorCodes.BatchPending, role,
            $"the {role} call is pending {(_session.IsInFlight(key) ? _session.InFlightDescription : "for the batch this run submits when it ends")}; run again once the batch is done.");
    }
}
