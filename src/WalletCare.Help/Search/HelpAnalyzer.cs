using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace WalletCare.Help.Search;

/// <summary>
/// One analysis for indexing and querying (a mismatch is why Zammad and Chatwoot miss words inside
/// Chinese sentences). Chinese has no spaces: StandardTokenizer emits every Han character on its own,
/// and CJKBigramFilter adds each pair of neighbours while keeping the single characters, so 没到账
/// indexes 没 到 账 没到 到账 — two-character words match as bigrams, one-character queries still match.
/// Latin words are lower-cased and Porter-stemmed (refunds → refund). A dictionary segmenter (jieba)
/// was not chosen: it splits wallet words (没到账, 花呗) unless a dictionary is maintained, and bigrams
/// over-generate harmlessly under BM25.
/// </summary>
public sealed class HelpAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Function characters that say nothing about the topic; as single characters only (的 in 目的 stays in the bigram).
    private static readonly CharArraySet Stop = Build();

    private static CharArraySet Build()
    {
        var set = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet, true);
        foreach (var c in "的 了 吗 呢 啊 吧 呀 嘛 哦 我 你 他 她 是 在 么 怎 这 那 个 有 就 都 也 要 会 能 为 什 请 问 下 一 着 过 给 让 得 地 啥".Split(' '))
            set.Add(c);
        foreach (var w in "how what why when where can do does my i me you is are was it to of the a an".Split(' '))
            set.Add(w);
        return set;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream t = new CJKWidthFilter(source);
        t = new LowerCaseFilter(Version, t);
        t = new CJKBigramFilter(t, CJKScript.HAN, outputUnigrams: true);
        t = new StopFilter(Version, t, Stop);
        t = new PorterStemFilter(t);
        return new TokenStreamComponents(source, t);
    }

    /// <summary>The distinct terms of <paramref name="text"/>, bigrams flagged (they carry more meaning than single characters).</summary>
    public IReadOnlyList<(string Term, bool Bigram, bool Latin)> Terms(string text)
    {
        var result = new List<(string, bool, bool)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var ts = GetTokenStream("q", new StringReader(text));
        var term = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var type = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ITypeAttribute>();
        ts.Reset();
        while (ts.IncrementToken())
        {
            var s = term.ToString();
            if (!seen.Add(s)) continue;
            var latin = s.Length > 0 && s[0] < 0x2E80;
            result.Add((s, type.Type == CJKBigramFilter.DOUBLE_TYPE, latin));
        }
        ts.End();
        return result;
    }
}
