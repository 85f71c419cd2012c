namespace BenchmarkAgent.Families;

/// <summary>One generated sample of a task family, before it becomes a benchmark item.</summary>
/// <param name="Prompt">The full text shown to the model, including the answer-format instruction.</param>
/// <param name="Answer">The computed reference answer.</param>
/// <param name="Choices">The options of a multiple-choice item (already shuffled); empty otherwise.</param>
internal sealed record FamilySample(string Prompt, ExpectedAnswer Answer, IReadOnlyList<string> Choices)
{
    /// <summary>Creates a sample without choices.</summary>
    public FamilySample(string prompt, ExpectedAnswer answer)
        : this(prompt, answer, [])
    {
    }
}
