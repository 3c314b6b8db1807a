using WalletCare.Platform.Contracts;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Http;

namespace WalletCare.Cases;

/// <summary>
/// Round-robin by skill and language: among active agents whose skills cover the case's team and the
/// customer's language, the one with the fewest open cases gets it; ties go to whoever was assigned
/// least recently, so work rotates.
/// </summary>
public sealed class AssignmentService(CasesDbContext db, IUserDirectory users, CaseService cases)
{
    public async Task<Guid?> AutoAssignAsync(Case c, Actor actor, CancellationToken ct)
    {
        var customer = await users.GetAsync(c.CustomerId, ct);
        var language = customer?.Locale ?? "zh-CN";
        var agents = (await users.ListByRoleAsync(Roles.Agent, ct)).ToList();
        var skilled = agents.Where(a => Has(a, language) && (Has(a, c.Team) || Has(a, TeamSkill(c.Category)))).ToList();
        var pool = skilled.Count > 0 ? skilled : agents.Where(a => Has(a, language)).ToList();
        if (pool.Count == 0) pool = agents;
        if (pool.Count == 0) return null;
        var ids = pool.Select(a => a.Id).ToList();
        var load = await db.Cases.AsNoTracking().Where(x => x.IsOpen && x.AssigneeId != null && ids.Contains(x.AssigneeId.Value))
            .GroupBy(x => x.AssigneeId).Select(g => new { Id = g.Key!.Value, Open = g.Count(), Last = g.Max(x => x.UpdatedAt) }).ToListAsync(ct);
        var chosen = pool
            .Select(a => (Agent: a, Load: load.FirstOrDefault(l => l.Id == a.Id)))
            .OrderBy(x => x.Load?.Open ?? 0).ThenBy(x => x.Load?.Last ?? DateTime.MinValue).ThenBy(x => x.Agent.UserName)
            .First().Agent;
        await cases.AssignAsync(c, actor, chosen.Id, ct);
        return chosen.Id;
    }

    private static bool Has(UserSummary u, string skill) => u.Skills.Split(',', StringSplitOptions.TrimEntries).Contains(skill, StringComparer.OrdinalIgnoreCase);

    private static string TeamSkill(string category) => category switch
    {
        "unauthorized_transaction" or "account_compromised" or "fraud_scam" or "information_leak" or "account_frozen" => "security",
        "refund_not_received" or "merchant_dispute" => "refunds",
        _ => "payments",
    };
}
