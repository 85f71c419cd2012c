using System.Diagnostics.CodeAnalysis;

namespace BenchmarkAgent;

/// <summary>Samples derived from a registered dataset: a subtask's whole dataset, or the one record an item came from.</summary>
/// <param name="Dataset">The dataset's name (its card's name).</param>
/// <param name="Record">The record's id for an item; null for a subtask, which draws from every record.</param>
internal sealed record DatasetSource(string Dataset, string? Record = null) : ItemSource
{
    /// <summary>The source of one record of this dataset.</summary>
    /// <param name="record">The record's id (an opaque label from the file, only ever written as text).</param>
    /// <returns>The record's source.</returns>
    public DatasetSource ForRecord(string record) => new(Dataset, record);

    /// <summary>
    /// Returns the record id when <paramref name="item"/> is a record of this dataset. Compares the text forms, so a dataset
    /// whose name contains '#' (which <see cref="ItemSource.Parse"/> cannot split unambiguously) still finds its records.
    /// </summary>
    /// <param name="item">An item's source.</param>
    /// <param name="record">The record id, when the result is true.</param>
    /// <returns>True when <paramref name="item"/> is a record of this dataset.</returns>
    public bool TryGetRecord(ItemSource item, [NotNullWhen(true)] out string? record)
    {
        ArgumentNullException.ThrowIfNull(item);
        string prefix = DatasetPrefix + Dataset + "#";
        string text = item.ToString();
        record = item is DatasetSource { Record: not null } && text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : null;
        return record is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Record is null ? DatasetPrefix + Dataset : DatasetPrefix + Dataset + "#" + Record;
}
