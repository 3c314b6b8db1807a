using WalletCare.Help.Search;
using WalletCare.Platform.Modules;

namespace WalletCare.Help;

/// <summary>
/// The index lives in each node's memory and is rebuilt at start, so this verb checks that the rows
/// index cleanly (and reports how many) — useful after a restore or a bulk import.
/// </summary>
internal sealed class ReindexVerb(HelpSearch search) : ICliVerb
{
    public string Name => "reindex";
    public string Help => "rebuild the help-centre search index from the database and report the published article count";

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var n = await search.RebuildAsync(ct);
        output.WriteLine($"OK: {n} published articles indexed");
        return 0;
    }
}
