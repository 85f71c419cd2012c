namespace BenchmarkAgent.Testing.Subjects;

/// <summary>
/// What an item-aware subject (such as <see cref="RandomGuessSubject"/>) may know about the item it is asked:
/// its id and answer format, never its answer. The runner passes it in
/// <see cref="Microsoft.Extensions.AI.ChatOptions.AdditionalProperties"/> under <see cref="SubjectItemContext.PropertyKey"/>.
/// </summary>
public interface ISubjectItemContext
{
    /// <summary>Gets the item's stable id.</summary>
    string ItemId { get; }

    /// <summary>Gets the kind of answer the item expects.</summary>
    AnswerType AnswerType { get; }

    /// <summary>Gets the number of options of a multiple-choice item; 0 otherwise.</summary>
    int ChoiceCount { get; }
}
