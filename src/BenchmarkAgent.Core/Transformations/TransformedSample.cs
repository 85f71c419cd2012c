namespace BenchmarkAgent.Transformations;

/// <summary>A benchmark sample made from a dataset record by one or more transformations.</summary>
/// <param name="Prompt">The full text shown to the model, including options and the answer-format instruction.</param>
/// <param name="Answer">The reference answer.</param>
/// <param name="Choices">The options of a multiple-choice sample, in display order; empty otherwise.</param>
/// <param name="Chain">The names of the transformations applied, in order.</param>
internal sealed record TransformedSample(string Prompt, ExpectedAnswer Answer, IReadOnlyList<string> Choices, IReadOnlyList<string> Chain)
{
    /// <summary>The worked solution behind the answer when a transformation produced one (numeric re-templating); null otherwise.</summary>
    public string? Solution { get; init; }

    /// <summary>The passage the question is about, when the record has one (it is also part of <see cref="Prompt"/>).</summary>
    public string? Context { get; init; }
}
