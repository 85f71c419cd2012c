using BenchmarkAgent.Families;
using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Planning;

/// <summary>
/// Decides how each query modifier is honoured by each subtask of an offline plan. Pure.
/// </summary>
/// <remarks>
/// <para>A dataset subtask honours a modifier when one of its grounded chains applies the mapped transformation.</para>
/// <para>A family subtask never has a transformation applied to its samples: every family's checker re-derives the
/// answer by re-reading the question, so injected sentences, typos or re-packaged answers would break the guarantee
/// that the answer is computed, not guessed. A family honours a modifier only natively: a family whose card says it
/// mixes in irrelevant facts or distractors honours <c>irrelevant-context</c>; a family with choice answers honours
/// <c>multiple-choice</c>; an instruction family honours <c>answer-format</c>; every family honours
/// <c>fresh-numbers</c> (its samples are drawn from the seed, never from a public set). Anything else is
/// <see cref="ModifierApplication.NotApplied"/>, and the plan warns (BA0302) so the user learns that part of the query
/// is not met offline.</para>
/// </remarks>
internal static class ModifierPlanner
{
    /// <summary>One application per (modifier, subtask) pair, in modifier order then subtask order.</summary>
    /// <param name="modifiers">The modifiers found in the query.</param>
    /// <param name="subtasks">The plan's subtasks.</param>
    /// <param name="families">The chosen family matches (to read their cards).</param>
    public static IReadOnlyList<ModifierApplication> Apply(IReadOnlyList<QueryModifier> modifiers, IReadOnlyList<PlannedSubtask> subtasks, IReadOnlyList<CatalogMatch> families)
    {
        ArgumentNullException.ThrowIfNull(modifiers);
        ArgumentNullException.ThrowIfNull(subtasks);
        ArgumentNullException.ThrowIfNull(families);
        var cards = families.ToDictionary(m => m.Family.Card.Id, m => m.Family.Card, StringComparer.Ordinal);
        var result = new List<ModifierApplication>();
        foreach (var modifier in modifiers)
        {
            foreach (var subtask in subtasks)
            {
                var (mode, reason) = subtask.Source is FamilySource family && cards.TryGetValue(family.FamilyId, out var card)
                    ? ForFamily(modifier, card)
                    : ForDataset(modifier, subtask);
                result.Add(new ModifierApplication(subtask.Name, modifier.Name, modifier.Transformation, mode, reason));
            }
        }

        return result;
    }

    /// <summary>
    /// One BA0302 warning per modifier that no subtask honours. A modifier some subtask honours is taken to qualify that
    /// part of the query ("arithmetic with irrelevant facts, and logic puzzles"); plan.json still records, per subtask,
    /// where it is not applied.
    /// </summary>
    public static IReadOnlyList<string> Warnings(IReadOnlyList<ModifierApplication> applications)
    {
        ArgumentNullException.ThrowIfNull(applications);
        return applications
            .GroupBy(a => a.Modifier, StringComparer.Ordinal)
            .Select(g => g.ToList())
            .Where(g => g.All(a => a.Mode == ModifierApplication.NotApplied))
            .Select(g =>
                $"The query asks for {g[0].Modifier} items ({g[0].Transformation}), which the offline engine does not apply to " +
                $"{string.Join(", ", g.Select(a => $"'{a.Subtask}'"))}: {g[0].Reason}. Configure a generator, or register a dataset " +
                "whose grounding applies that transformation.")
            .ToList();
    }

    private static (string Mode, string Reason) ForFamily(QueryModifier modifier, TaskFamilyCard card)
    {
        bool native = modifier.Name switch
        {
            QueryModifiers.IrrelevantContext => Mentions(card, "irrelevant", "distractor", "distracting"),
            QueryModifiers.MultipleChoice => card.AnswerType == AnswerType.Choice,
            QueryModifiers.AnswerFormat => card.Skill == "instructions",
            QueryModifiers.FreshNumbers => true,
            _ => false,
        };
        if (native)
        {
            string why = modifier.Name switch
            {
                QueryModifiers.IrrelevantContext => "the family mixes irrelevant facts into its items and its checker still derives the answer",
                QueryModifiers.MultipleChoice => "the family's items are already multiple choice",
                QueryModifiers.AnswerFormat => "the family's items state an exact output format and check it",
                _ => "family samples are drawn from the seed, so every number is fresh",
            };
            return (ModifierApplication.Native, why);
        }

        return (ModifierApplication.NotApplied, "family items are not rewritten offline, because each family's checker re-derives the answer from the question as generated");
    }

    private static (string Mode, string Reason) ForDataset(QueryModifier modifier, PlannedSubtask subtask)
    {
        bool chained = subtask.Transformations.Any(chain => chain.Split('+').Contains(modifier.Transformation, StringComparer.Ordinal));
        return chained
            ? (ModifierApplication.Chain, $"a grounded chain applies {modifier.Transformation}")
            : (ModifierApplication.NotApplied, $"no grounded chain of the dataset applies {modifier.Transformation}");
    }

    private static bool Mentions(TaskFamilyCard card, params string[] words) =>
        words.Any(w => card.Description.Contains(w, StringComparison.OrdinalIgnoreCase) || card.Keywords.Any(k => k.Contains(w, StringComparison.OrdinalIgnoreCase)));
}
