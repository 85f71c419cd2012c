namespace BenchmarkAgent.Families;

/// <summary>One generated sample of a task family, before it becomes a benchmark item.</summary>
/// <param name="Prompt">The full text shown to the model, including the answer-format instruction.</param>
/// <param name="Answer">The computed reference answer.</param>
/// <param name="Choices">The options of a multiple-choice item (already shuffled); empty otherwise.</param>
internal sealed record FamilySample(string Prompt, ExpectedAnswer Answer, IReadOnlyList<string> Choices)
{
    /// <summary>
    /// The images or audio clips the prompt refers to, in the order they are shown to the model; empty for a text sample.
    /// The snapshot stores each under <c>media/</c> by content hash.
    /// </summary>
    public IReadOnlyList<Media.MediaContent> Media { get; init; } = [];

    /// <summary>Creates a sample without choices.</summary>
    public FamilySample(string prompt, ExpectedAnswer answer)
        : this(prompt, answer, [])
    {
    }
}
