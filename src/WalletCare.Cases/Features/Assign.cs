using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

public sealed record AssignRequest(Guid? AgentId);

/// <summary>POST /api/v1/agent/tickets/{id}/assign and .../auto-assign — manual assignment, or round-robin by skill and language.</summary>
public static class Assign
{
    public static async Task<NoContent> Endpoint(Guid id, AssignRequest req, AssignHandler handler, CurrentUser user, CancellationToken ct)
    {
        await handler.HandleAsync(user, id, req.AgentId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<AutoAssigned>> AutoEndpoint(Guid id, AssignHandler handler, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(new AutoAssigned(await handler.AutoAsync(user, id, ct)));
}

public sealed record AutoAssigned(Guid? AgentId);

/// <summary>
/// Round-robin: among active agents whose skills cover the case's team and the customer's language, the one
/// with the fewest open cases gets it; ties go to whoever was assigned least recently, so work rotates.
/// </summary>
public sealed class AssignHandler(CaseStore store, IUserDirectory users)
{
    public async Task HandleAsync(CurrentUser user, Guid caseId, Guid? agentId, CancellationToken ct)
    {
        var c = await store.GetForStaffAsync(user, caseId, ct);
        var agent = agentId is { } a ? await users.GetAsync(a, ct) : null;
        if (agent is null || !Roles.IsStaff(agent.Role)) throw AppProblem.Validation("agentId", "field.invalid");
        await AssignAsync(c, Actor.Of(user), agent, ct);
    }

    public async Task<Guid?> AutoAsync(CurrentUser user, Guid caseId, CancellationToken ct)
    {
        var c = await store.GetForStaffAsync(user, caseId, ct);
        var customer = await users.GetAsync(c.CustomerId, ct);
        var language = customer?.Locale ?? "zh-CN";
        var agents = (await users.ListByRoleAsync(Roles.Agent, ct)).ToList();
        var skilled = agents.Where(a => Has(a, language) && (Has(a, c.Team) || Has(a, CaseTeams.For(c.Category)))).ToList();
        var pool = skilled.Count > 0 ? skilled : agents.Where(a => Has(a, language)).ToList();
        if (pool.Count == 0) pool = agents;
        if (pool.Count == 0) return null;
        var ids = pool.Select(a => a.Id).ToList();
        var load = await store.Db.Cases.AsNoTracking().Where(x => x.IsOpen && x.AssigneeId != null && ids.Contains(x.AssigneeId.Value))
            .GroupBy(x => x.AssigneeId).Select(g => new { Id = g.Key!.Value, Open = g.Count(), Last = g.Max(x => x.UpdatedAt) }).ToListAsync(ct);
        var chosen = pool
            .Select(a => (Agent: a, Load: load.FirstOrDefault(l => l.Id == a.Id)))
            .OrderBy(x => x.Load?.Open ?? 0).ThenBy(x => x.Load?.Last ?? DateTime.MinValue).ThenBy(x => x.Agent.UserName)
            .First().Agent;
        await AssignAsync(c, Actor.Of(user), chosen, ct);
        return chosen.Id;
    }

    private async Task AssignAsync(Case c, Actor actor, UserSummary agent, CancellationToken ct)
    {
        c.AssigneeId = agent.Id;
        store.Add(c.Record(actor, TimelineKinds.Assignment, false, store.Now, new TimelineArgs { AgentId = agent.Id, AgentName = agent.DisplayName }));
        await store.SaveAsync(c, ct);
    }

    private static bool Has(UserSummary u, string skill) => u.Skills.Split(',', StringSplitOptions.TrimEntries).Contains(skill, StringComparer.OrdinalIgnoreCase);
}
