using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Tests.Evaluation;

/// <summary>An in-process judge: answers every request with the same reply (and usage), or throws; records the requests.</summary>
/// <param name="reply">The reply text.</param>
/// <param name="failure">When set, every call throws it instead.</param>
internal sealed class CannedJudge(string reply, Exception? failure = null) : IChatClient
{
    public ConcurrentQueue<IReadOnlyList<ChatMessage>> Requests { get; } = new();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(messages.ToList());
        if (failure is not null)
        {
            return Task.FromException<ChatResponse>(failure);
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply))
        {
            ModelId = "judge-model",
            Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 20 },
        });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
