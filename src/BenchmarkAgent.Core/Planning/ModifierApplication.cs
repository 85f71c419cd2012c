namespace BenchmarkAgent.Planning;

/// <summary>How one query modifier is honoured by one subtask.</summary>
/// <param name="Subtask">The subtask's name.</param>
/// <param name="Modifier">The modifier's name (<see cref="Retrieval.QueryModifiers"/>).</param>
/// <param name="Transformation">The transformation that implements the modifier.</param>
/// <param name="Mode"><see cref="Native"/>, <see cref="Chain"/> or <see cref="NotApplied"/>.</param>
/// <param name="Reason">Why, in words.</param>
internal sealed record ModifierApplication(string Subtask, string Modifier, string Transformation, string Mode, string Reason)
{
    /// <summary>The subtask's items already have the property (the family generates it, with its checker).</summary>
    public const string Native = "native";

    /// <summary>A dataset subtask applies the transformation in its chains.</summary>
    public const string Chain = "chain";

    /// <summary>The offline engine cannot honour the modifier for this subtask (the plan carries a warning).</summary>
    public const string NotApplied = "not-applied";
}
