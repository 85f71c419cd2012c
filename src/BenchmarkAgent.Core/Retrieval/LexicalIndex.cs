namespace BenchmarkAgent.Retrieval;

/// <summary>
/// Lexical retrieval over a pool of <see cref="RetrievalCard"/>s, with no model call: BM25 (field-weighted, BM25F-style)
/// and TF-IDF cosine, combined as the mean of normalised BM25 and the cosine. Terms are the light stems of
/// <see cref="TextAnalyzer"/>, plus phrase terms (adjacent pairs) of phrase fields that the query repeats. Immutable once built, deterministic
/// (ties are broken by card id) and cheap: a query costs one pass over its terms' postings (an inverted index).
/// </summary>
/// <remarks>
/// <para>BM25: <c>idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avgLen))</c> with <c>k1 = 1.2</c>, <c>b = 0.75</c>,
/// <c>idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5))</c>, where <c>tf</c> and <c>len</c> count a term in a field
/// <see cref="CardField.Weight"/> times. It is normalised by its upper bound for the query,
/// <c>sum over query terms of idf(t) * (k1 + 1)</c>, in which a term no card contains has <c>df = 0</c>: so a query
/// whose informative words are unknown to the pool scores low against every card, which is what "the pool does not
/// cover this query" means.</para>
/// <para>TF-IDF: vectors of <c>ln(1 + tf) * idf</c> (sublinear in the weighted frequency and never negative); the cosine rewards cards whose vocabulary is concentrated on the
/// query's terms, and is independent of the query's length.</para>
/// </remarks>
internal sealed class LexicalIndex
{
    /// <summary>BM25 term-frequency saturation.</summary>
    public const double K1 = 1.2;

    /// <summary>BM25 length normalisation.</summary>
    public const double B = 0.75;

    /// <summary>The share of a phrase field's weight that each word of a multi-word phrase carries.</summary>
    public const double PhraseWordShare = 0.5;

    private readonly IReadOnlyList<RetrievalCard> _cards;
    private readonly Dictionary<string, double>[] _termFrequencies;
    private readonly double[] _lengths;
    private readonly double[] _vectorNorms;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Card, double Tf)>> _postings = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    /// <summary>Builds the index over <paramref name="cards"/> (ids must be unique).</summary>
    /// <exception cref="ArgumentException">Two cards share an id, or a field weight is not positive.</exception>
    public LexicalIndex(IReadOnlyList<RetrievalCard> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        _cards = cards;
        _termFrequencies = new Dictionary<string, double>[cards.Count];
        _lengths = new double[cards.Count];
        for (int i = 0; i < cards.Count; i++)
        {
            if (!ids.Add(cards[i].Id))
            {
                throw new ArgumentException($"Two retrieval cards have the id '{cards[i].Id}'.", nameof(cards));
            }

            var tf = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var field in cards[i].Fields)
            {
                if (!(field.Weight > 0))
                {
                    throw new ArgumentException($"Field '{field.Name}' of card '{cards[i].Id}' has weight {field.Weight}; weights must be positive.", nameof(cards));
                }

                foreach (var (term, share) in FieldTerms(field))
                {
                    tf[term] = tf.GetValueOrDefault(term) + (field.Weight * share);
                    _lengths[i] += field.Weight * share;
                }
            }

            _termFrequencies[i] = tf;
            foreach (var (term, f) in tf)
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
                if (!_postings.TryGetValue(term, out var postings))
                {
                    _postings[term] = postings = [];
                }

                postings.Add((i, f));
            }
        }

        _averageLength = cards.Count == 0 ? 1 : Math.Max(_lengths.Average(), 1e-9);
        _vectorNorms = new double[cards.Count];
        for (int i = 0; i < cards.Count; i++)
        {
            double sum = 0;
            foreach (var (term, tf) in _termFrequencies[i])
            {
                double w = TfIdf(tf, Idf(term));
                sum += w * w;
            }

            _vectorNorms[i] = Math.Sqrt(sum);
        }
    }

    /// <summary>The number of cards.</summary>
    public int Count => _cards.Count;

    /// <summary>The inverse document frequency of a term (of an analysed stem); highest for a term no card contains.</summary>
    public double Idf(string term)
    {
        int df = _documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + ((_cards.Count - df + 0.5) / (df + 0.5)));
    }

    /// <summary>Scores every card against <paramref name="query"/>; best combined score first, ties by id.</summary>
    public IReadOnlyList<LexicalHit> Search(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var queryTf = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = TextAnalyzer.Terms(query);

        // Phrases count only when some card knows them: an unknown pair of words says nothing its two words do not.
        foreach (string term in words.Concat(TextAnalyzer.Bigrams(words).Where(_documentFrequency.ContainsKey)))
        {
            queryTf[term] = queryTf.GetValueOrDefault(term) + 1;
        }

        // Terms in a fixed order, so sums (and so scores) do not depend on dictionary order.
        var terms = queryTf.Keys.Order(StringComparer.Ordinal).ToList();
        var idf = terms.ToDictionary(t => t, Idf, StringComparer.Ordinal);
        double bound = terms.Sum(t => idf[t] * (K1 + 1));
        double queryNorm = Math.Sqrt(terms.Sum(t => Math.Pow(TfIdf(queryTf[t], idf[t]), 2)));
        var bm25 = new double[_cards.Count];
        var dot = new double[_cards.Count];
        var matched = new List<string>?[_cards.Count];
        foreach (string term in terms)
        {
            if (!_postings.TryGetValue(term, out var postings))
            {
                continue;
            }

            double queryWeight = TfIdf(queryTf[term], idf[term]);
            foreach (var (i, f) in postings)
            {
                bm25[i] += idf[term] * f * (K1 + 1) / (f + (K1 * (1 - B + (B * _lengths[i] / _averageLength))));
                dot[i] += queryWeight * TfIdf(f, idf[term]);
                (matched[i] ??= []).Add(term);
            }
        }

        var hits = new List<LexicalHit>(_cards.Count);
        for (int i = 0; i < _cards.Count; i++)
        {
            double normalized = bound > 0 ? Math.Min(1, bm25[i] / bound) : 0;
            double cosine = queryNorm > 0 && _vectorNorms[i] > 0 ? Math.Min(1, dot[i] / (queryNorm * _vectorNorms[i])) : 0;
            hits.Add(new LexicalHit(
                _cards[i].Id,
                Math.Round(bm25[i], 4),
                Math.Round(normalized, 4),
                Math.Round(cosine, 4),
                Math.Round((normalized + cosine) / 2, 4),
                matched[i] is { } cardTerms ? cardTerms.OrderByDescending(t => idf[t]).ThenBy(t => t, StringComparer.Ordinal).ToList() : []));
        }

        return hits
            .OrderByDescending(h => h.Combined)
            .ThenBy(h => h.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The terms of a field with the share of the field's weight each carries: a word inside a multi-word phrase carries
    /// <see cref="PhraseWordShare"/> (the phrase "date arithmetic" is weaker evidence for "arithmetic" than the keyword
    /// "arithmetic"), and the phrase's adjacent pairs carry the full weight.
    /// </summary>
    private static IEnumerable<(string Term, double Share)> FieldTerms(CardField field)
    {
        if (!field.Phrases)
        {
            return TextAnalyzer.Terms(field.Text).Select(t => (t, 1.0));
        }

        return field.Text.Split(';').SelectMany(phrase =>
        {
            var terms = TextAnalyzer.Terms(phrase);
            double share = terms.Count > 1 ? PhraseWordShare : 1.0;
            return terms.Select(t => (t, share)).Concat(TextAnalyzer.Bigrams(terms).Select(b => (b, 1.0)));
        });
    }

    private static double TfIdf(double tf, double idf) => tf <= 0 ? 0 : Math.Log(1 + tf) * idf;
}
