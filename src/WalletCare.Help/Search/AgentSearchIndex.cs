using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using WalletCare.Platform.Contracts;

namespace WalletCare.Help.Search;

public sealed record CaseHit(Guid Id, string Number, Guid CustomerId, string Subject, string Status, string Snippet, float Score);

/// <summary>
/// Staff search over cases, per node and in memory like the article index, but fed incrementally: every
/// few seconds the cases changed since the watermark are (re)indexed through <see cref="ICaseSearchFeed"/>,
/// so 100,000 cases are read once and then only what changes. Same analyzer as the articles, plus the case
/// number and the customer's name and phone as exact/loose fields.
/// </summary>
public sealed class AgentSearchIndex : IDisposable
{
    private static readonly HelpAnalyzer Analyzer = new();
    private readonly RAMDirectory _dir = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    public SemaphoreSlim Gate { get; } = new(1, 1);
    public DateTime Watermark { get; private set; } = DateTime.MinValue;
    public DateTimeOffset LastSync { get; set; } = DateTimeOffset.MinValue;

    public AgentSearchIndex()
    {
        _writer = new IndexWriter(_dir, new IndexWriterConfig(HelpAnalyzer.Version, Analyzer) { Similarity = new BM25Similarity() });
        _searchers = new SearcherManager(_writer, true, null);
    }

    public void Apply(IReadOnlyList<CaseSearchDoc> docs, IReadOnlyDictionary<Guid, UserSummary> customers)
    {
        foreach (var c in docs)
        {
            var who = customers.GetValueOrDefault(c.CustomerId);
            _writer.UpdateDocument(new Term("id", c.Id.ToString()), new Document
            {
                new StringField("id", c.Id.ToString(), Field.Store.YES),
                new StringField("number", c.Number.ToLowerInvariant(), Field.Store.YES),
                new StringField("customer", c.CustomerId.ToString(), Field.Store.YES),
                new StringField("phone", who?.Phone ?? "", Field.Store.NO),
                new StringField("status", c.Status, Field.Store.YES),
                new TextField("subject", c.Subject, Field.Store.YES),
                new TextField("text", c.Description + "\n" + c.Messages, Field.Store.YES),
                new TextField("name", who?.DisplayName ?? "", Field.Store.NO),
            });
            if (c.UpdatedAt > Watermark) Watermark = c.UpdatedAt;
        }
        _searchers.MaybeRefreshBlocking();
    }

    public IReadOnlyList<CaseHit> Search(string text, int limit)
    {
        var q = new BooleanQuery();
        var trimmed = text.Trim();
        q.Add(new TermQuery(new Term("number", trimmed.ToLowerInvariant())) { Boost = 20 }, Occur.SHOULD);
        if (trimmed.Length >= 4 && trimmed.All(char.IsAsciiDigit)) q.Add(new WildcardQuery(new Term("phone", "*" + trimmed + "*")) { Boost = 10 }, Occur.SHOULD);
        var h = new BooleanQuery();
        foreach (var (term, bigram, latin) in Analyzer.Terms(trimmed))
        {
            var w = latin ? 1.5f : bigram ? 1.6f : 0.45f;
            q.Add(new TermQuery(new Term("subject", term)) { Boost = w * 2 }, Occur.SHOULD);
            q.Add(new TermQuery(new Term("text", term)) { Boost = w }, Occur.SHOULD);
            q.Add(new TermQuery(new Term("name", term)) { Boost = w * 2 }, Occur.SHOULD);
            h.Add(new TermQuery(new Term("text", term)), Occur.SHOULD);
        }
        var searcher = _searchers.Acquire();
        try
        {
            searcher.Similarity = new BM25Similarity();
            var top = searcher.Search(q, limit);
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(h, "text"))
            { TextFragmenter = new SimpleFragmenter(90) };
            return top.ScoreDocs.Select(sd =>
            {
                var d = searcher.Doc(sd.Doc);
                var body = d.Get("text");
                var snippet = highlighter.GetBestFragment(Analyzer, "text", body) ?? System.Net.WebUtility.HtmlEncode(body.Length > 90 ? body[..90] + "…" : body);
                return new CaseHit(Guid.Parse(d.Get("id")), d.Get("number").ToUpperInvariant(), Guid.Parse(d.Get("customer")), d.Get("subject"), d.Get("status"), snippet, sd.Score);
            }).ToList();
        }
        finally { _searchers.Release(searcher); }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _dir.Dispose();
        Gate.Dispose();
    }
}
