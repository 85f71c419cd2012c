using System.Globalization;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Constraints;

/// <summary>
/// A set of constraints and its machine-readable spec string: the constraints' tokens joined by <c>;</c>, e.g.
/// <c>words:20-40;include:garden;exclude-letter:z;lowercase</c>. Values are lowercase letters (and single spaces in
/// an <c>ends-with</c> phrase), so the separators never occur inside a value. Two specs are equal when their
/// strings are equal.
/// </summary>
internal sealed partial record ConstraintSpec
{
    /// <summary>The separator between tokens.</summary>
    public const char Separator = ';';

    /// <summary>Creates a spec from at least one constraint.</summary>
    /// <exception cref="ArgumentException">The list is empty or has two equal constraints.</exception>
    public ConstraintSpec(IReadOnlyList<Constraint> constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        if (constraints.Count == 0)
        {
            throw new ArgumentException("A constraint spec needs at least one constraint.", nameof(constraints));
        }

        if (constraints.Select(c => c.Token).Distinct(StringComparer.Ordinal).Count() != constraints.Count)
        {
            throw new ArgumentException("A constraint spec cannot repeat a constraint.", nameof(constraints));
        }

        Constraints = [.. constraints];
    }

    /// <summary>The constraints, in spec order.</summary>
    public IReadOnlyList<Constraint> Constraints { get; }

    /// <summary>The spec string, e.g. <c>words:20-40;lowercase</c>.</summary>
    public override string ToString() => string.Join(Separator, Constraints.Select(c => c.Token));

    /// <inheritdoc />
    public bool Equals(ConstraintSpec? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>Parses a spec string written by <see cref="ToString"/>.</summary>
    /// <param name="text">The spec string.</param>
    /// <param name="spec">The parsed spec, or null.</param>
    /// <param name="error">Why the text is not a spec (which token, what is expected), or empty.</param>
    /// <returns>True when <paramref name="text"/> is a valid spec.</returns>
    public static bool TryParse(string? text, out ConstraintSpec? spec, out string error)
    {
        spec = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the constraint spec is empty; expected tokens such as 'words:20-40;lowercase'";
            return false;
        }

        var constraints = new List<Constraint>();
        foreach (string token in text.Split(Separator))
        {
            Constraint? constraint = ParseToken(token);
            if (constraint is null)
            {
                error = $"'{token}' is not a constraint token; expected words:MIN-MAX, include:WORD, exclude-word:WORD, exclude-letter:LETTER, lowercase, no-commas, bullets:N, starts-with:WORD or ends-with:PHRASE";
                return false;
            }

            if (constraints.Exists(c => c.Token == constraint.Token))
            {
                error = $"'{token}' appears twice in the constraint spec";
                return false;
            }

            constraints.Add(constraint);
        }

        spec = new ConstraintSpec(constraints);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses a spec string.</summary>
    /// <exception cref="FormatException">The text is not a valid spec; the message says which token and why.</exception>
    public static ConstraintSpec Parse(string text) =>
        TryParse(text, out var spec, out string error) ? spec! : throw new FormatException(error);

    private static Constraint? ParseToken(string token)
    {
        var m = Token().Match(token);
        if (!m.Success)
        {
            return null;
        }

        var g = m.Groups;
        return g["kind"].Value switch
        {
            "words" when int.TryParse(g["min"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int min) &&
                         int.TryParse(g["max"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int max) &&
                         min >= 1 && min <= max => new WordCountConstraint(min, max),
            "include" when g["word"].Success => new IncludeWordConstraint(g["word"].Value),
            "exclude-word" when g["word"].Success => new ExcludeWordConstraint(g["word"].Value),
            "exclude-letter" when g["letter"].Success => new ExcludeLetterConstraint(g["letter"].Value[0]),
            "lowercase" when !g["value"].Success => new LowercaseConstraint(),
            "no-commas" when !g["value"].Success => new NoCommasConstraint(),
            "bullets" when int.TryParse(g["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 50 => new BulletCountConstraint(n),
            "starts-with" when g["word"].Success => new StartsWithConstraint(g["word"].Value),
            "ends-with" when g["phrase"].Success || g["word"].Success => new EndsWithConstraint(g["phrase"].Success ? g["phrase"].Value : g["word"].Value),
            _ => null,
        };
    }

    // A kind and an optional value; the value's shape (range, word, letter, count, phrase) is checked per kind above.
    [GeneratedRegex(@"^(?<kind>[a-z-]+)(?::(?<value>(?<min>\d{1,4})-(?<max>\d{1,4})|(?<letter>[a-z])|(?<n>\d{1,2})|(?<word>[a-z]+)|(?<phrase>[a-z]+(?: [a-z]+)+)))?$")]
    private static partial Regex Token();
}
