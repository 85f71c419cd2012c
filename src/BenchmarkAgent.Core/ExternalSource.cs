namespace BenchmarkAgent;

/// <summary>An item the engine did not generate: hand-written (<c>manual</c>) or labelled by another tool.</summary>
/// <param name="Text">The source text as it appears in the file.</param>
internal sealed record ExternalSource(string Text) : ItemSource
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
