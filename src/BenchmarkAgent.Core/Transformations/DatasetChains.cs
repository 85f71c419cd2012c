namespace BenchmarkAgent.Transformations;

/// <summary>
/// The transformation chains the offline planner considers for a registered dataset. Each chain is named by
/// its steps (e.g. <c>numeric-retemplating+answer-format-constraint</c>); the name is what plans record.
/// </summary>
internal static class DatasetChains
{
    /// <summary>Every chain, in a stable order.</summary>
    public static IReadOnlyList<RecordTransformation> All { get; } =
    [
        new TransformationChain(new NumericRetemplating(), new AnswerFormatConstraint()),
        new TransformationChain(new NumericRetemplating(), new OpenToMultipleChoice()),
        new TransformationChain(new IrrelevantContextInjection(), new AnswerFormatConstraint()),
        new TransformationChain(new SurfaceNoise(), new AnswerFormatConstraint()),
        new TransformationChain(new OpenToMultipleChoice(), new IrrelevantContextInjection()),
        new TransformationChain(new OptionShuffle(), new AnswerFormatConstraint()),
    ];

    /// <summary>Returns the chain named <paramref name="name"/>, or <see langword="null"/> when there is none.</summary>
    public static RecordTransformation? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
