namespace BenchmarkAgent.Snapshots;

/// <summary>
/// One instance per file read: the values items repeat (subtask names, seeds, sources, check lists) kept once and
/// shared by every item that holds them, instead of one copy per item (a 50,000-item snapshot repeats each subtask
/// name thousands of times). Shared values are immutable (strings, <see cref="ItemSource"/> records, read-only lists).
/// </summary>
internal sealed class SharedValues
{
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemSource> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _checks = new(StringComparer.Ordinal);

    /// <summary>The instance of <paramref name="text"/> this file already holds, or <paramref name="text"/> itself the first time.</summary>
    /// <param name="text">The text.</param>
    /// <returns>An equal string, shared.</returns>
    public string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_texts.TryGetValue(text, out string? shared))
        {
            return shared;
        }

        _texts[text] = text;
        return text;
    }

    /// <summary>The parsed source of <paramref name="text"/> (<see cref="ItemSource.Parse"/>), parsed once per distinct text.</summary>
    /// <param name="text">The source's text form.</param>
    /// <returns>The source, shared.</returns>
    public ItemSource Source(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_sources.TryGetValue(text, out var source))
        {
            _sources[text] = source = ItemSource.Parse(text);
        }

        return source;
    }

    /// <summary>The comma-separated check names of <paramref name="text"/> (empty entries dropped), split once per distinct text.</summary>
    /// <param name="text">The checks as written (<c>schema,answer</c>).</param>
    /// <returns>The names, shared by every item with the same text.</returns>
    public IReadOnlyList<string> Checks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_checks.TryGetValue(text, out var checks))
        {
            _checks[text] = checks = text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Text).ToArray();
        }

        return checks;
    }
}
