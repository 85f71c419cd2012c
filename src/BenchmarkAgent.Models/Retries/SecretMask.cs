namespace BenchmarkAgent.Models;

/// <summary>Replaces known secrets (API keys) in text with <c>***</c>, e.g. in an endpoint's error message that echoes the key.</summary>
internal sealed class SecretMask
{
    /// <summary>A mask that knows no secret.</summary>
    public static readonly SecretMask None = new([]);

    private readonly string[] _secrets;

    /// <summary>Creates a mask for <paramref name="secrets"/>; empty and missing values are ignored.</summary>
    /// <param name="secrets">The secrets to hide.</param>
    public SecretMask(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = [.. secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Returns <paramref name="text"/> with every secret replaced by <c>***</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The masked text.</returns>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (string secret in _secrets)
        {
            text = text.Replace(secret, ModelRoleSettings.RedactedKey, StringComparison.Ordinal);
        }

        return text;
    }
}
