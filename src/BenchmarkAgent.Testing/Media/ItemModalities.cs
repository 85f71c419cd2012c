using BenchmarkAgent.Items;
using BenchmarkAgent.Media;

namespace BenchmarkAgent.Testing.Media;

/// <summary>Pure rules about which inputs an item needs and how a set of modalities is named and parsed.</summary>
internal static class ItemModalities
{
    /// <summary>The inputs besides text an item needs: the kinds of its media files.</summary>
    /// <param name="item">The item.</param>
    /// <returns><see cref="InputModalities.TextOnly"/> for a text item.</returns>
    public static InputModalities Required(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var required = InputModalities.TextOnly;
        foreach (var media in item.Media)
        {
            required |= Of(media.Kind);
        }

        return required;
    }

    /// <summary>The modality of a media kind.</summary>
    public static InputModalities Of(MediaKind kind) => kind switch
    {
        MediaKind.Image => InputModalities.Image,
        MediaKind.Audio => InputModalities.Audio,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown media kind."),
    };

    /// <summary>The inputs <paramref name="item"/> needs that <paramref name="declared"/> lacks; <see cref="InputModalities.TextOnly"/> when none.</summary>
    public static InputModalities Missing(BenchmarkItem item, InputModalities declared) => Required(item) & ~declared;

    /// <summary>Names a set the way the variables spell it: <c>text</c>, <c>text,image</c>, <c>text,image,audio</c>.</summary>
    public static string Describe(InputModalities modalities) =>
        "text" + ((modalities & InputModalities.Image) != 0 ? ",image" : string.Empty) + ((modalities & InputModalities.Audio) != 0 ? ",audio" : string.Empty);

    /// <summary>Names the modalities of a set without text, for messages: <c>image</c>, <c>image and audio</c>.</summary>
    public static string Name(InputModalities modalities) => modalities switch
    {
        InputModalities.Image => "image",
        InputModalities.Audio => "audio",
        InputModalities.Image | InputModalities.Audio => "image and audio",
        _ => "text",
    };

    /// <summary>
    /// Parses a list such as <c>text,image</c> or <c>image audio</c> (case-insensitive, separated by commas, spaces, '+'
    /// or ';'). <c>text</c> may be listed or not (it is always accepted); <c>none</c> is not a word it knows.
    /// </summary>
    /// <param name="text">The list.</param>
    /// <param name="modalities">The parsed set.</param>
    /// <returns>False when a word is not <c>text</c>, <c>image</c> or <c>audio</c>, or the list is empty.</returns>
    public static bool TryParse(string? text, out InputModalities modalities)
    {
        modalities = InputModalities.TextOnly;
        string[] words = (text ?? string.Empty).Split([',', ' ', '+', ';', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        foreach (string word in words)
        {
            switch (word.ToLowerInvariant())
            {
                case "text":
                    break;
                case "image":
                case "images":
                    modalities |= InputModalities.Image;
                    break;
                case "audio":
                    modalities |= InputModalities.Audio;
                    break;
                default:
                    modalities = InputModalities.TextOnly;
                    return false;
            }
        }

        return true;
    }
}
