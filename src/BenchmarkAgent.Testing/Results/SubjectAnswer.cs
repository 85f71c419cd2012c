namespace BenchmarkAgent.Testing.Results;

/// <summary>The subject's answer to one item, or the error that survived the retries.</summary>
/// <param name="Text">The answer text; empty on error.</param>
/// <param name="Latency">How long the call took, from the moment it started (not from when it was queued).</param>
/// <param name="Error">The error, or <see langword="null"/>.</param>
/// <param name="Tokens">The tokens the call used, when the endpoint reported them.</param>
internal sealed record SubjectAnswer(string Text, TimeSpan Latency, Exception? Error, TokenCounts? Tokens = null);
