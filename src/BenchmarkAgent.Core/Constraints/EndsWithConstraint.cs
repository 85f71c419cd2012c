namespace BenchmarkAgent.Constraints;

/// <summary>
/// The response ends with <paramref name="Phrase"/> (case-insensitive), ignoring trailing whitespace and a final
/// full stop, exclamation mark or question mark.
/// </summary>
/// <param name="Phrase">The required closing phrase, lowercase words separated by single spaces.</param>
internal sealed record EndsWithConstraint(string Phrase) : Constraint
{
    /// <inheritdoc />
    public override string Token => $"ends-with:{Phrase}";

    /// <inheritdoc />
    public override ConstraintOutcome Evaluate(string response)
    {
        string end = response.TrimEnd().TrimEnd('.', '!', '?').TrimEnd();
        var words = ResponseText.Words(end);
        var phrase = Phrase.Split(' ');
        bool passed = words.Count >= phrase.Length &&
            end.EndsWith(phrase[^1], StringComparison.OrdinalIgnoreCase) &&
            words.Skip(words.Count - phrase.Length).Zip(phrase).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
        string tail = string.Join(' ', words.Skip(Math.Max(0, words.Count - phrase.Length)));
        return new(this, passed, passed ? $"ends with '{Phrase}'" : $"ends with '{tail}', need '{Phrase}'");
    }
}
