namespace BenchmarkAgent.Families;

/// <summary>
/// A procedural generator of items whose answers are computed, never guessed. Every family is
/// seedable, supports all <see cref="Difficulty"/> levels, and comes with an independent checker.
/// </summary>
internal interface ITaskFamily
{
    /// <summary>What the family tests; the planner retrieves families by their cards.</summary>
    TaskFamilyCard Card { get; }

    /// <summary>Generates one sample. The same <paramref name="seed"/> and <paramref name="difficulty"/> always give the same sample.</summary>
    FamilySample Generate(ulong seed, Difficulty difficulty);

    /// <summary>
    /// Re-derives the answer of <paramref name="sample"/> by a code path independent of
    /// <see cref="Generate"/> (for example by re-reading the question) and says whether it agrees.
    /// </summary>
    CheckResult Check(FamilySample sample);
}
