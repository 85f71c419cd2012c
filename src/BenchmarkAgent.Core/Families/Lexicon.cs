using System.Collections.Immutable;

namespace BenchmarkAgent.Families;

/// <summary>
/// Shared vocabularies the families draw names and objects from. Immutable so that families stay pure:
/// a family's output may depend only on its seed and difficulty.
/// </summary>
internal static class Lexicon
{
    /// <summary>First names; single words so the checkers can match them with <c>\w+</c>.</summary>
    public static readonly ImmutableArray<string> Names =
    [
        "Alice", "Bruno", "Chen", "Dana", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas",
        "Kavya", "Liam", "Maya", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomas",
        "Uma", "Viktor", "Wendy", "Xavier", "Yara", "Zoltan", "Amara", "Boris", "Carmen", "Diego",
        "Emeka", "Fiona", "Gustav", "Hana", "Ivan", "Jasmin", "Kofi", "Lena", "Mateo", "Noor",
        "Oskar", "Paula", "Rafael", "Sofia", "Theo", "Valentina", "Wei", "Yusuf", "Zara", "Aiko",
    ];

    /// <summary>Countable objects in the plural, used in word problems.</summary>
    public static readonly ImmutableArray<string> Objects =
    [
        "apples", "marbles", "stickers", "pencils", "books", "stamps", "coins", "cookies", "seashells",
        "postcards", "candles", "buttons", "oranges", "notebooks", "tickets", "beads", "plums", "cards",
        "batteries", "lemons",
    ];

    /// <summary>Ordinary English words used by the string families (lowercase, letters only).</summary>
    public static readonly ImmutableArray<string> Words =
    [
        "garden", "window", "planet", "silver", "market", "bridge", "candle", "forest", "rocket", "butter",
        "harbor", "pepper", "ladder", "mirror", "puzzle", "jacket", "camera", "violin", "meadow", "tunnel",
        "anchor", "blanket", "compass", "dolphin", "engine", "falcon", "glacier", "horizon", "island", "jungle",
        "kettle", "lantern", "marble", "needle", "orchard", "pillow", "quartz", "ribbon", "saddle", "teapot",
        "umbrella", "velvet", "walnut", "yogurt", "zipper", "banana", "cherry", "desert", "elephant", "feather",
        "giraffe", "hammer", "insect", "journey", "kitchen", "library", "mountain", "notebook", "octopus", "pyramid",
        "rainbow", "sandwich", "thunder", "uniform", "village", "whistle", "balloon", "cabinet", "diamond", "festival",
        "galaxy", "hexagon", "igloo", "lemonade", "magnet", "penguin", "question", "seaweed", "tomato", "volcano",
        "apricot", "biscuit", "cactus", "dragon", "emerald", "fountain", "goblet", "honey", "iceberg", "kingdom",
    ];

    /// <summary>Cities, used as distractor facts and table values.</summary>
    public static readonly ImmutableArray<string> Cities =
    [
        "Lisbon", "Oslo", "Nairobi", "Lima", "Osaka", "Dublin", "Cairo", "Quito", "Hanoi", "Krakow",
        "Porto", "Tunis", "Seville", "Bergen", "Austin", "Perth", "Leeds", "Gdansk", "Accra", "Busan",
    ];
}
