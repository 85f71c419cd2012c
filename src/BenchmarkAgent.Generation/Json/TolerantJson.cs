using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace BenchmarkAgent.Generation.Json;

/// <summary>
/// Reads the JSON object or array in a model's reply even when the endpoint ignored the JSON schema: a fenced
/// <c>```json</c> block, prose before or after the value, trailing commas, comments, single-quoted strings, unquoted
/// keys, typographic quotes, raw line breaks inside strings and Python's <c>True</c>/<c>False</c>/<c>None</c>. Pure; the
/// text is data and nothing in it is ever executed.
/// </summary>
internal static class TolerantJson
{
    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    /// <summary>Finds and parses the first JSON object or array in <paramref name="text"/>.</summary>
    /// <param name="text">The model's reply.</param>
    /// <param name="value">The parsed value (an object or an array), detached from any document.</param>
    /// <param name="error">Why nothing could be read, when the result is false.</param>
    /// <returns>True when a value was read.</returns>
    public static bool TryParse(string? text, out JsonElement value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The reply is empty.";
            return false;
        }

        foreach (string candidate in Candidates(text))
        {
            if (TryParseExact(candidate, out value) || TryParseExact(Repair(candidate), out value))
            {
                error = null;
                return true;
            }
        }

        error = "The reply holds no readable JSON object.";
        return false;
    }

    /// <summary>The texts worth trying, most specific first: fenced blocks, the whole reply, then each balanced value in it.</summary>
    private static IEnumerable<string> Candidates(string text)
    {
        int search = 0;
        while (text.IndexOf("```", search, StringComparison.Ordinal) is int open and >= 0)
        {
            int bodyStart = text.IndexOf('\n', open);
            if (bodyStart < 0)
            {
                break;
            }

            int close = text.IndexOf("```", bodyStart, StringComparison.Ordinal);
            string body = close < 0 ? text[(bodyStart + 1)..] : text[(bodyStart + 1)..close];
            yield return body.Trim();
            if (close < 0)
            {
                break;
            }

            search = close + 3;
        }

        yield return text.Trim();
        for (int start = 0; start < text.Length; start++)
        {
            if (text[start] is '{' or '[' && Balanced(text, start) is int end)
            {
                yield return text[start..(end + 1)];
                if (text[start] == '{')
                {
                    start = end;
                }
            }
        }
    }

    /// <summary>The index of the bracket that closes the one at <paramref name="start"/>, skipping quoted text; null when unbalanced.</summary>
    private static int? Balanced(string text, int start)
    {
        int depth = 0;
        char quote = '\0';
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"':
                case '\'' when i > 0 && !char.IsLetterOrDigit(text[i - 1]):
                    quote = c;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return null;
    }

    private static bool TryParseExact(string candidate, out JsonElement value)
    {
        value = default;
        string trimmed = candidate.Trim();
        if (trimmed.Length == 0 || trimmed[0] is not ('{' or '['))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed, Lenient);
            value = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Rewrites the near-JSON that models write into JSON: single-quoted strings become double-quoted, bare keys are
    /// quoted, typographic quotes become plain ones, raw control characters inside strings are escaped, and Python's
    /// literals become JSON's. Trailing commas and comments are left to the lenient parser.
    /// </summary>
    internal static string Repair(string text)
    {
        var output = new StringBuilder(text.Length + 16);
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && i + 1 < text.Length)
                {
                    char next = text[i + 1];
                    if (quote == '\'' && next == '\'')
                    {
                        output.Append('\'');
                    }
                    else
                    {
                        output.Append(c).Append(next);
                    }

                    i++;
                }
                else if (c == quote || (quote == '\u201C' && c == '\u201D'))
                {
                    output.Append('"');
                    quote = '\0';
                }
                else if (c == '"')
                {
                    output.Append("\\\"");
                }
                else if (c == '\n')
                {
                    output.Append("\\n");
                }
                else if (c == '\r')
                {
                    output.Append("\\r");
                }
                else if (c == '\t')
                {
                    output.Append("\\t");
                }
                else
                {
                    output.Append(c);
                }

                continue;
            }

            if (c is '"' or '\'' or '\u201C')
            {
                quote = c;
                output.Append('"');
            }
            else if (char.IsLetter(c) || c == '_')
            {
                int end = i;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '-'))
                {
                    end++;
                }

                string word = text[i..end];
                int after = end;
                while (after < text.Length && char.IsWhiteSpace(text[after]))
                {
                    after++;
                }

                if (after < text.Length && text[after] == ':')
                {
                    output.Append('"').Append(word).Append('"');
                }
                else
                {
                    output.Append(word switch
                    {
                        "True" => "true",
                        "False" => "false",
                        "None" => "null",
                        _ => word,
                    });
                }

                i = end - 1;
            }
            else
            {
                output.Append(c);
            }
        }

        return output.ToString();
    }
}
