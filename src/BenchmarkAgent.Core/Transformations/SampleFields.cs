namespace BenchmarkAgent.Transformations;

/// <summary>The record fields through which chained transformations pass structure to each other.</summary>
internal static class SampleFields
{
    /// <summary>Multiple-choice options, one per line.</summary>
    public const string Choices = Grounding.DatasetRecord.ChoicesField;

    /// <summary>The answer-format instruction appended to the prompt.</summary>
    public const string Instruction = "instruction";

    /// <summary>The worked solution of a re-templated record (with its re-evaluated calculator annotations).</summary>
    public const string Solution = "solution";

    /// <summary>The question before re-templating.</summary>
    public const string OriginalInput = "original_input";

    /// <summary>
    /// The passage a record's question is about (a <c>context</c> or <c>passage</c> field): rendered before the question
    /// and kept on the item, so a judge can rate whether a free-form answer is grounded in it.
    /// </summary>
    public static readonly IReadOnlyList<string> ContextNames = ["context", "passage"];
}
