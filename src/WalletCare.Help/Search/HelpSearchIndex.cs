using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using WalletCare.Help.Domain;

namespace WalletCare.Help.Search;

public sealed record SearchHit(Guid Id, string Key, string Title, string Snippet, float Score);

/// <summary>
/// The published articles as an in-memory Lucene index, one per locale (IDF per language). Every node
/// builds its own from the database rows, so SQLite and PostgreSQL give the same results and no index
/// files need sharing; <see cref="HelpSearch"/> rebuilds it when the rows' version changes. A rebuild
/// swaps the whole snapshot at once: searches in flight keep the old one (RAM readers hold no files).
/// </summary>
public sealed class HelpSearchIndex
{
    private static readonly HelpAnalyzer Analyzer = new();
    private volatile Snapshot _snapshot = new(new Dictionary<string, IndexSearcher>(), default);

    public HelpVersion Version => _snapshot.Version;

    private sealed record Snapshot(IReadOnlyDictionary<string, IndexSearcher> Searchers, HelpVersion Version);

    public void Rebuild(IEnumerable<HelpArticle> articles, HelpVersion version)
    {
        var searchers = new Dictionary<string, IndexSearcher>();
        // Ordinal order, not the database's collation: the same rows give the same doc ids, so ties rank alike everywhere.
        foreach (var locale in articles.Where(a => a.Published).GroupBy(a => a.Locale))
        {
            var dir = new RAMDirectory();
            using (var w = new IndexWriter(dir, new IndexWriterConfig(HelpAnalyzer.Version, Analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE }))
            {
                foreach (var a in locale.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    w.AddDocument(new Document
                    {
                        new StringField("id", a.Id.ToString(), Field.Store.YES),
                        new StringField("key", a.Key, Field.Store.YES),
                        new TextField("title", a.Title, Field.Store.YES),
                        new TextField("body", ArticleText.PlainText(a.BodyMarkdown), Field.Store.YES),
                        new TextField("tags", a.Tags, Field.Store.NO),
                    });
                }
                w.Commit();
            }
            searchers[locale.Key] = new IndexSearcher(DirectoryReader.Open(dir)) { Similarity = new BM25Similarity() };
        }
        _snapshot = new Snapshot(searchers, version);
    }

    public IReadOnlyList<SearchHit> Search(string query, string locale, int limit)
    {
        if (!_snapshot.Searchers.TryGetValue(locale, out var searcher)) return [];
        var (q, highlight) = BuildQuery(query);
        if (q.Clauses.Count == 0) return [];
        var top = searcher.Search(q, limit);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(highlight, "body"))
        {
            TextFragmenter = new SimpleFragmenter(90),
        };
        var hits = new List<SearchHit>(top.ScoreDocs.Length);
        foreach (var sd in top.ScoreDocs)
        {
            var doc = searcher.Doc(sd.Doc);
            var body = doc.Get("body");
            var snippet = highlighter.GetBestFragment(Analyzer, "body", body)
                ?? System.Net.WebUtility.HtmlEncode(body.Length > 90 ? body[..90] + "…" : body);
            hits.Add(new SearchHit(Guid.Parse(doc.Get("id")), doc.Get("key"), doc.Get("title"), snippet, sd.Score));
        }
        return hits;
    }

    /// <summary>
    /// Every query term in title (boosted), tags and body, SHOULD-combined and ranked by BM25: a partial
    /// match beats no answer. Bigrams weigh more than single characters; synonyms less than the customer's
    /// own words; longer Latin words also match with one or two typos.
    /// </summary>
    private static (BooleanQuery Query, BooleanQuery Highlight) BuildQuery(string text)
    {
        var weights = new Dictionary<string, (float W, bool Latin)>(StringComparer.Ordinal);
        void Add(string s, float factor)
        {
            foreach (var (term, bigram, latin) in Analyzer.Terms(s))
            {
                var w = factor * (latin ? 1.5f : bigram ? 1.6f : 0.45f);
                if (!weights.TryGetValue(term, out var old) || old.W < w) weights[term] = (w, latin);
            }
        }
        Add(text, 1f);
        foreach (var syn in Synonyms.Expand(text)) Add(syn, 0.7f);

        var q = new BooleanQuery();
        var h = new BooleanQuery();
        foreach (var (term, (w, latin)) in weights.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            q.Add(new TermQuery(new Term("title", term)) { Boost = w * 2.5f }, Occur.SHOULD);
            q.Add(new TermQuery(new Term("tags", term)) { Boost = w * 1.5f }, Occur.SHOULD);
            q.Add(new TermQuery(new Term("body", term)) { Boost = w }, Occur.SHOULD);
            h.Add(new TermQuery(new Term("body", term)) { Boost = w }, Occur.SHOULD);
            if (latin && term.Length >= 4)
            {
                var edits = term.Length >= 7 ? 2 : 1;
                q.Add(new FuzzyQuery(new Term("title", term), edits, 1) { Boost = w * 0.8f }, Occur.SHOULD);
                q.Add(new FuzzyQuery(new Term("body", term), edits, 1) { Boost = w * 0.3f }, Occur.SHOULD);
            }
        }
        return (q, h);
    }
}

/// <summary>What a node's index was built from: when the database says otherwise, rebuild.</summary>
public readonly record struct HelpVersion(DateTime LastUpdate, int Count);
