using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Protection.Domain;

namespace WalletCare.Protection;

/// <summary>
/// The emergency freeze, in the order that limits harm: money stops first (the wallet also cancels the
/// withdrawals it still can), then every session ends, then the case opens. Each step is safe to repeat,
/// so a failure half-way is finished by the next freeze; the case intake's dedupe key makes it one case per episode.
/// </summary>
public sealed class AccountProtection(ProtectionDbContext db, IWalletSecurity wallet, ISessionControl sessions, ICaseIntake intake,
    IAuditLog audit, TimeProvider time) : IAccountProtection
{
    public async Task<FreezeOutcome> FreezeAsync(Guid customerId, string source, string? reason, Guid? actor, CancellationToken ct = default) =>
        (await FreezeAsync(customerId, source, reason, actor, null, ct)).Outcome;

    /// <param name="caseFor">The case to open when this starts an episode (an unauthorised-transaction report brings its own); default account_compromised.</param>
    internal async Task<(FreezeOutcome Outcome, bool CaseCreated)> FreezeAsync(Guid customerId, string source, string? reason, Guid? actor,
        Func<int, IntakeRequest>? caseFor, CancellationToken ct)
    {
        var who = actor ?? customerId;
        await wallet.FreezeAsync(customerId, source, who, ct);
        var (episode, already) = await OpenEpisodeAsync(customerId, source, reason, ct);
        var revoked = await sessions.RevokeAllAsync(customerId, "freeze:" + source, who, ct);
        var created = false;
        if (episode.CaseId is null)
        {
            var request = caseFor?.Invoke(episode.Episode) ?? new IntakeRequest(customerId, "account_compromised", "app",
                Texts.Get("case.compromised.subject", "zh-CN"),
                Texts.Get("case.compromised.body", "zh-CN", source, string.IsNullOrWhiteSpace(reason) ? Texts.Get("reason.none", "zh-CN") : reason),
                MinimumPriority: "P1", DedupeKey: $"freeze:{customerId}:{episode.Episode}", ActorId: actor, ActorRole: actor is null ? "system" : "customer");
            var opened = await intake.OpenAsync(request, ct);
            created = opened.Created;
            await db.Episodes.Where(e => e.Id == episode.Id && e.CaseId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.CaseId, opened.CaseId).SetProperty(e => e.CaseNumber, opened.Number), ct);
            episode.CaseId = opened.CaseId;
            episode.CaseNumber = opened.Number;
        }
        await audit.WriteAsync(who.ToString(), "protection.freeze", "customer:" + customerId,
            new { source, episode = episode.Episode, caseNumber = episode.CaseNumber, sessionsRevoked = revoked, alreadyFrozen = already }, ct);
        return (new FreezeOutcome(episode.CaseId!.Value, episode.CaseNumber!, already), created);
    }

    /// <summary>The open episode, or a new one; two freezes racing for the same number keep the first.</summary>
    private async Task<(FreezeEpisode Episode, bool Existing)> OpenEpisodeAsync(Guid customerId, string source, string? reason, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var open = await db.Episodes.AsNoTracking().Where(e => e.CustomerId == customerId && e.EndedAt == null)
                .OrderByDescending(e => e.Episode).FirstOrDefaultAsync(ct);
            if (open is not null) return (open, true);
            var next = (await db.Episodes.Where(e => e.CustomerId == customerId).MaxAsync(e => (int?)e.Episode, ct) ?? 0) + 1;
            var episode = new FreezeEpisode
            {
                CustomerId = customerId, Episode = next, Source = source, Reason = reason, StartedAt = time.GetUtcNow().UtcDateTime,
            };
            db.Episodes.Add(episode);
            try
            {
                await db.SaveChangesAsync(ct);
                db.Entry(episode).State = EntityState.Detached;
                return (episode, false);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // a concurrent freeze took this number: use its episode
            }
        }
    }

    /// <summary>Ends the open episode (the next freeze starts a new one with its own case) and lifts the wallet's freeze.</summary>
    internal async Task UnfreezeAsync(Guid customerId, string reason, Guid actor, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Episodes.Where(e => e.CustomerId == customerId && e.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.EndedAt, now).SetProperty(e => e.EndedBy, reason), ct);
        await wallet.UnfreezeAsync(customerId, reason, actor, ct);
        await audit.WriteAsync(actor.ToString(), "protection.unfreeze", "customer:" + customerId, new { reason }, ct);
    }
}
