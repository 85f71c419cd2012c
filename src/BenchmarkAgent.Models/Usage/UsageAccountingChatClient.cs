using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models;

/// <summary>
/// Sums the <see cref="UsageDetails"/> of every response of the inner client, for one role. Placed inside the response
/// cache, it counts what the endpoint billed; thread-safe. Find it in a pipeline with
/// <c>client.GetService&lt;UsageAccountingChatClient&gt;()</c>.
/// </summary>
internal sealed class UsageAccountingChatClient : DelegatingChatClient
{
    private readonly ModelRole _role;
    private long _calls;
    private long _input;
    private long _output;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client whose usage is summed.</param>
    /// <param name="role">The role the totals belong to.</param>
    public UsageAccountingChatClient(IChatClient innerClient, ModelRole role)
        : base(innerClient)
    {
        _role = role;
    }

    /// <summary>The totals so far.</summary>
    public ModelUsage Usage => new(_role, Interlocked.Read(ref _calls), Interlocked.Read(ref _input), Interlocked.Read(ref _output));

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Add(response.Usage);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var content in update.Contents.OfType<UsageContent>())
            {
                usage ??= new UsageDetails();
                usage.Add(content.Details);
            }

            yield return update;
        }

        Add(usage);
    }

    private void Add(UsageDetails? usage)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _input, usage?.InputTokenCount ?? 0);
        Interlocked.Add(ref _output, usage?.OutputTokenCount ?? 0);
    }
}
