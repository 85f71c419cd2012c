using BenchmarkAgent.Execution;
using Microsoft.Extensions.AI;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Subjects;

/// <summary>The answer-free description of an item handed to item-aware subjects.</summary>
/// <param name="ItemId">The item's stable id.</param>
/// <param name="AnswerType">The kind of answer the item expects.</param>
/// <param name="ChoiceCount">The number of options of a multiple-choice item; 0 otherwise.</param>
internal sealed record SubjectItemContext(string ItemId, AnswerType AnswerType, int ChoiceCount) : ISubjectItemContext
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key under which the runner passes the context.</summary>
    public const string PropertyKey = "benchagent.item";

    /// <summary>Describes an item without its answer.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The item's id, answer type and option count.</returns>
    public static SubjectItemContext From(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Id, item.Answer.Type, item.Choices.Count);
    }

    /// <summary>
    /// Finds the item context in chat options. Accepts an <see cref="ISubjectItemContext"/> or, for callers that pass
    /// the whole item, a <see cref="BenchmarkItem"/> (of which only the answer-free parts are used).
    /// </summary>
    /// <param name="options">The options of a chat request.</param>
    /// <param name="context">The context found, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when a context was found.</returns>
    public static bool TryGet(ChatOptions? options, out ISubjectItemContext? context)
    {
        context = null;
        if (options?.AdditionalProperties is not { } properties || !properties.TryGetValue(PropertyKey, out object? value))
        {
            return false;
        }

        context = value switch
        {
            ISubjectItemContext given => given,
            BenchmarkItem item => From(item),
            _ => null,
        };
        return context is not null;
    }
}
