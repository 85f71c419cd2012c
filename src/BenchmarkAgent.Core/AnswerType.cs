namespace BenchmarkAgent;

/// <summary>The kind of answer an item expects; it decides how the answer is scored.</summary>
public enum AnswerType
{
    /// <summary>A number, compared with a tolerance.</summary>
    Number,

    /// <summary>One option letter (A, B, C, ...) among the item's choices.</summary>
    Choice,

    /// <summary>A short text, compared after normalisation (case, whitespace, punctuation).</summary>
    ShortText,

    /// <summary>
    /// A free text under checkable constraints (IFEval style); the answer value is a constraint spec such as
    /// <c>words:20-40;lowercase</c> (see <see cref="Constraints.ConstraintSpec"/>), and the score is the fraction met.
    /// </summary>
    Constraint,

    /// <summary>
    /// A .NET regular expression (the answer's value) that a correct response matches. The pattern comes from the
    /// snapshot, never from the model's text, and is matched with a timeout.
    /// </summary>
    Pattern,

    /// <summary>
    /// A long-form answer (several sentences), scored by token F1 against the reference and, when a judge model is
    /// configured, by the LLM rubric.
    /// </summary>
    FreeText,
}
