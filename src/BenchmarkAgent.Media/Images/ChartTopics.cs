namespace BenchmarkAgent.Media.Images;

/// <summary>A chart subject: the title drawn above the chart, the unit of its values and the category names it may show.</summary>
/// <param name="Title">The chart title (short enough for a 480-pixel image).</param>
/// <param name="Unit">What a value counts, for the prompt (plural noun).</param>
/// <param name="Categories">Candidate category labels, at most seven characters each.</param>
internal sealed record ChartTopic(string Title, string Unit, IReadOnlyList<string> Categories)
{
    /// <summary>The subjects the chart families draw from.</summary>
    public static IReadOnlyList<ChartTopic> All { get; } =
    [
        new("Crates of fruit sold", "crates", ["Apples", "Pears", "Plums", "Cherry", "Grapes", "Lemons", "Mangoes", "Peaches", "Figs", "Kiwis", "Limes", "Melons"]),
        new("Visitors per gallery", "visitors", ["North", "South", "East", "West", "Annex", "Atrium", "Garden", "Tower", "Crypt", "Loft"]),
        new("Books borrowed by genre", "books", ["Poetry", "Crime", "History", "Travel", "Science", "Comics", "Drama", "Fantasy", "Cooking", "Art"]),
        new("Parcels per depot", "parcels", ["Leeds", "Bristol", "Derby", "Exeter", "York", "Bath", "Hull", "Truro", "Ely", "Wells"]),
        new("Bikes rented per station", "rentals", ["Dock", "Park", "Market", "Bridge", "Castle", "Harbor", "Mill", "Square", "Abbey", "Quay"]),
        new("Tickets sold by film", "tickets", ["Comet", "Mirage", "Echo", "Harbor", "Falcon", "Velvet", "Tundra", "Orbit", "Ember", "Willow"]),
        new("Trees planted by team", "trees", ["Oak", "Birch", "Maple", "Cedar", "Pine", "Rowan", "Hazel", "Alder", "Aspen", "Larch"]),
        new("Meals served per cafe", "meals", ["Bean", "Crumb", "Ladle", "Spoon", "Kettle", "Pantry", "Olive", "Saffron", "Thyme", "Basil"]),
    ];

    /// <summary>The month labels of the line charts.</summary>
    public static IReadOnlyList<string> Months { get; } = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
}
