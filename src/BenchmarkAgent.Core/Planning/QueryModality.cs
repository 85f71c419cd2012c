using BenchmarkAgent.Media;

namespace BenchmarkAgent.Planning;

/// <summary>
/// Which media a query asks for: images ("chart", "picture", "photo", "diagram", "screenshot", "visual", ...) or audio
/// ("spoken", "speech", "listening", "voice", "beeps", "recording", ...). Words that only look like a modality are not
/// cues: "figure out", "significant figures", "parts of speech", "figure of speech", "passive voice", "sound reasoning",
/// "the plot of the story", a "graph" of nodes; and a medium given as text ("a described bar chart", "transcribed
/// speech") asks for text items. Pure; the query is untrusted text and only tokenised.
/// </summary>
internal static class QueryModality
{
    private static readonly HashSet<string> ImageWords = new(StringComparer.Ordinal)
    {
        "image", "images", "imagery", "picture", "pictures", "pic", "pics", "photo", "photos", "photograph", "photographs", "photographic",
        "chart", "charts", "barchart", "piechart", "histogram", "histograms", "diagram", "diagrams", "screenshot", "screenshots",
        "visual", "visually", "visuals", "vision", "vqa", "ocr", "infographic", "infographics", "illustration", "illustrations",
        "drawing", "drawings", "painting", "paintings", "artwork", "artworks", "heatmap", "heatmaps", "pixel", "pixels", "thumbnail",
        "thumbnails", "scan", "scans", "scanned", "x-ray", "xray", "camera", "snapshot-image", "render", "rendered", "sketch", "sketches",
        "png", "jpeg", "jpg", "multimodal", "look", "looking", "seen", "shown", "see",
    };

    private static readonly HashSet<string> AudioWords = new(StringComparer.Ordinal)
    {
        "audio", "audios", "spoken", "speech", "listen", "listening", "listens", "hear", "hearing", "heard", "sound", "sounds",
        "voice", "voices", "voiced", "beep", "beeps", "tones", "recording", "recordings", "recorded", "podcast", "podcasts",
        "music", "musical", "melody", "melodies", "song", "songs", "acoustic", "pronunciation", "pronounced", "dictation",
        "transcribe", "transcription", "asr", "wav", "mp3", "dtmf", "utterance", "utterances", "aloud", "pitch", "multimodal",
    };

    /// <summary>Words that are cues only next to a qualifier: "scatter plot", "bar graph", "clock face", "pure tone".</summary>
    private static readonly (string Word, MediaKind Kind, string[] Before, string[] After)[] Qualified =
    [
        ("plot", MediaKind.Image, ["scatter", "line", "box", "bar", "pie", "violin", "contour", "surface"], []),
        ("plots", MediaKind.Image, ["scatter", "line", "box", "bar", "pie", "violin", "contour", "surface"], []),
        ("graph", MediaKind.Image, ["bar", "line", "pie", "column"], []),
        ("graphs", MediaKind.Image, ["bar", "line", "pie", "column"], []),
        ("figure", MediaKind.Image, ["the", "this", "a", "each", "given"], []),
        ("figures", MediaKind.Image, ["the", "these", "given"], []),
        ("face", MediaKind.Image, ["clock"], []),
        ("faces", MediaKind.Image, ["clock"], []),
        ("tone", MediaKind.Audio, ["pure", "dial", "audio", "sine", "beep"], []),
        ("clip", MediaKind.Audio, ["audio", "sound", "voice", "speech"], []),
        ("clips", MediaKind.Audio, ["audio", "sound", "voice", "speech"], []),
    ];

    /// <summary>Cue words that are not cues after or before these words (a grammar term, "figure out", "sound reasoning").</summary>
    private static readonly (string Word, string[] NotBefore, string[] NotAfter)[] Exceptions =
    [
        ("speech", ["part", "parts", "figure", "figures", "free", "hate", "reported", "direct", "indirect"], ["act", "acts"]),
        ("voice", ["passive", "active", "authorial", "narrative", "brand"], []),
        ("voices", ["passive", "active"], []),
        ("sound", [], ["reasoning", "argument", "arguments", "logic", "judgement", "judgment", "advice", "investment", "like", "and", "proof", "proofs"]),
        ("sounds", [], ["like", "right", "good"]),
        ("pitch", ["sales", "elevator", "perfect-pitch-free"], ["deck"]),
        ("look", [], ["up", "for", "at", "into"]),
        ("looking", [], ["up", "for", "into"]),
        ("see", [], ["also", "how", "if", "whether", "that"]),
        ("seen", [], []),
        ("shown", [], []),
        ("render", [], []),
        ("rendered", [], []),
        ("scan", [], []),
        ("recorded", [], []),
    ];

    /// <summary>Words that count only with another, unambiguous cue of the same kind in the query ("see the chart", "rendered audio").</summary>
    private static readonly HashSet<string> WeakWords = new(StringComparer.Ordinal)
    {
        "look", "looking", "see", "seen", "shown", "render", "rendered", "scan", "recorded", "multimodal", "pitch", "hear", "hearing", "camera",
    };

    /// <summary>
    /// Words that say the medium is given as text: "a described bar chart", "a textual description of the figure",
    /// "spoken commands, transcribed". With one of them the query asks for text items about that medium, not for media.
    /// </summary>
    private static readonly (MediaKind Kind, string[] Words)[] AsText =
    [
        (MediaKind.Image, ["described", "describes", "description", "descriptions", "textual", "text-based", "ascii", "verbal", "verbally", "caption-only"]),
        (MediaKind.Audio, ["transcribed", "transcript", "transcripts", "textual", "text-based", "written-out"]),
    ];

    /// <summary>
    /// The media kinds <paramref name="query"/> asks for, each with the query words that asked for it, image first;
    /// empty for a text query.
    /// </summary>
    public static IReadOnlyList<(MediaKind Kind, IReadOnlyList<string> Words)> Detect(string? query)
    {
        var words = Tokens(query ?? string.Empty);
        var found = new Dictionary<MediaKind, (List<string> Strong, List<string> Weak)>
        {
            [MediaKind.Image] = ([], []),
            [MediaKind.Audio] = ([], []),
        };
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i];
            string before = i > 0 ? words[i - 1] : string.Empty;
            string after = i + 1 < words.Count ? words[i + 1] : string.Empty;
            if (IsException(word, before, after, i > 1 ? words[i - 2] : string.Empty))
            {
                continue;
            }

            foreach (var kind in new[] { MediaKind.Image, MediaKind.Audio })
            {
                bool listed = (kind == MediaKind.Image ? ImageWords : AudioWords).Contains(word);
                bool qualified = Qualified.Any(q => q.Kind == kind && q.Word == word && (q.Before.Contains(before) || q.After.Contains(after)));
                if (!listed && !qualified)
                {
                    continue;
                }

                var (strong, weak) = found[kind];
                (WeakWords.Contains(word) ? weak : strong).Add(word);
            }
        }

        var result = new List<(MediaKind, IReadOnlyList<string>)>();
        foreach (var kind in new[] { MediaKind.Image, MediaKind.Audio })
        {
            var (strong, weak) = found[kind];
            if (strong.Count > 0 && !AsText.Any(t => t.Kind == kind && t.Words.Any(words.Contains)))
            {
                result.Add((kind, strong.Concat(weak).Distinct(StringComparer.Ordinal).ToList()));
            }
        }

        return result;
    }

    /// <summary>
    /// The query without the modality cue words of <paramref name="modality"/> that <paramref name="cardText"/> (the
    /// candidates' cards, lowercase) does not contain: "photos of charts" keeps "charts" for a chart family's card and
    /// drops "photos".
    /// </summary>
    public static string WithoutCues(string query, IReadOnlyList<(MediaKind Kind, IReadOnlyList<string> Words)> modality, string cardText)
    {
        var cardWords = Tokens(cardText).ToHashSet(StringComparer.Ordinal);
        var drop = modality.SelectMany(m => m.Words).Where(w => !cardWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (string part in query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = Tokens(part);
            if (tokens.Count == 0 || !tokens.All(drop.Contains))
            {
                kept.Add(part);
            }
        }

        return string.Join(' ', kept);
    }

    /// <summary>The word for a kind in messages: "image" or "audio".</summary>
    public static string Name(MediaKind kind) => kind == MediaKind.Image ? "image" : "audio";

    private static bool IsException(string word, string before, string after, string beforeOf)
    {
        if (word is "figure" or "figures" && after is "out" or "outs")
        {
            return true;
        }

        if (word is "figures" && before is "significant" or "sales" or "key")
        {
            return true;
        }

        foreach (var (w, notBefore, notAfter) in Exceptions)
        {
            if (w == word && (notBefore.Contains(before) || notAfter.Contains(after) || (before == "of" && notBefore.Contains(beforeOf))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lowercase words of letters, digits, '-' and apostrophes.</summary>
    private static List<string> Tokens(string query)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (char c in query.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '-')
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString().Trim('-'));
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString().Trim('-'));
        }

        return words.Where(w => w.Length > 0).ToList();
    }
}
