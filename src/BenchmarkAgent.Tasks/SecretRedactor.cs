namespace BenchmarkAgent.Tasks;

/// <summary>
/// Hides secrets in text the task echoes from the generator program (its standard error, a malformed line, its
/// messages): the value of every environment variable whose name ends in <c>_API_KEY</c> becomes <c>***</c>.
/// </summary>
internal sealed class SecretRedactor
{
    private readonly string[] _secrets;

    /// <summary>Collects the secrets from <paramref name="variables"/> (name and value pairs).</summary>
    public SecretRedactor(IEnumerable<KeyValuePair<string, string?>> variables) =>
        _secrets = variables
            .Where(v => v.Key.EndsWith("_API_KEY", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(v.Value))
            .Select(v => v.Value!.Trim())
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length) // a key that contains another is replaced whole
            .ToArray();

    /// <summary>A redactor over the process environment.</summary>
    public static SecretRedactor FromEnvironment() =>
        new(System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string?>((string)e.Key, e.Value as string)));

    /// <summary><paramref name="text"/> with every secret replaced by <c>***</c>.</summary>
    public string Redact(string text)
    {
        foreach (string secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
