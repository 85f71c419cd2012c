namespace BenchmarkAgent.Grounding;

/// <summary>
/// One field of a record, flattened: nested objects give dotted paths (<c>question.stem</c>, <c>output.response</c>),
/// lists of objects are reduced to their texts and labels. All of it is untrusted data: never a path, never code.
/// </summary>
/// <param name="Path">The dotted path of the field in its record.</param>
/// <param name="Kind">What the value is.</param>
/// <param name="Text">The value as text (a list's JSON text).</param>
/// <param name="Items">A list's items as text; empty for other kinds.</param>
/// <param name="Labels">A list's item labels (e.g. ARC's "A".."D", a dialog's speakers), parallel to <paramref name="Items"/>, or empty.</param>
internal sealed record FlatField(string Path, FlatKind Kind, string Text, IReadOnlyList<string> Items, IReadOnlyList<string> Labels)
{
    /// <summary>The last segment of <see cref="Path"/>, e.g. <c>stem</c> for <c>question.stem</c>.</summary>
    public string Leaf => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>The first segment of <see cref="Path"/>, or empty for a top-level field.</summary>
    public string Parent => Path.Contains('.', StringComparison.Ordinal) ? Path[..Path.IndexOf('.', StringComparison.Ordinal)] : string.Empty;

    /// <summary>Whether the value is a scalar (text, number or boolean).</summary>
    public bool IsScalar => Kind is FlatKind.Text or FlatKind.Number or FlatKind.Boolean;

    /// <summary>A scalar text field.</summary>
    public static FlatField Scalar(string path, FlatKind kind, string text) => new(path, kind, text, [], []);
}
