namespace BenchmarkAgent;

/// <summary>Samples written by the generator model itself (no card fitted the subtask): <c>llm:&lt;model&gt;</c>.</summary>
/// <param name="Model">The generator model's name, as in the backbone name <c>llm:&lt;model&gt;</c>.</param>
internal sealed record LlmSource(string Model) : ItemSource
{
    /// <inheritdoc />
    public override string ToString() => LlmPrefix + Model;
}
