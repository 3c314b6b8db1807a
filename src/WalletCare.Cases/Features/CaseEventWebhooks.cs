using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Outbox;

namespace WalletCare.Cases.Features;

/// <summary>
/// The case events subscribers hear about (created, replied, status changed, resolved, escalated), recorded as
/// outbox rows (channel webhook) in the SAME SaveChanges as the timeline entry that states them — one place
/// instead of a call in every handler, and no event without its change or change without its event. The
/// payload names the case and what happened, never what anyone wrote; the channels area fans it out.
/// </summary>
public static class CaseEventWebhooks
{
    private static readonly ConditionalWeakTable<CaseEvent, object> Captured = [];

    public static void Capture(CasesDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<CaseEvent>().Where(e => e.State == EntityState.Added).ToList())
        {
            var ev = entry.Entity;
            if (Captured.TryGetValue(ev, out _)) continue; // a retried SaveChanges must not record it twice
            var types = TypesOf(ev);
            if (types.Count == 0) continue;
            Captured.Add(ev, ev);
            var c = db.Cases.Local.FirstOrDefault(x => x.Id == ev.CaseId);
            foreach (var type in types)
            {
                var id = Guid.CreateVersion7();
                var payload = JsonSerializer.Serialize(new
                {
                    eventId = id, type, occurredAt = ev.At, caseId = ev.CaseId, number = c?.Number, status = c?.Status, priority = c?.Priority,
                    channel = c?.Channel,
                });
                db.Set<OutboxMessage>().Add(new OutboxMessage
                {
                    Id = id, Channel = OutboxChannels.Webhook, Kind = type, Subject = type, Body = payload, CaseId = ev.CaseId,
                    CreatedAt = ev.At, NextAttemptAt = ev.At,
                });
            }
        }
    }

    private static List<string> TypesOf(CaseEvent e)
    {
        switch (e.Kind)
        {
            case TimelineKinds.Created: return ["case.created"];
            case TimelineKinds.Reply: return ["case.replied"];
            case TimelineKinds.Escalation: return ["case.escalated"];
            case TimelineKinds.StatusChange:
                var to = TimelineArgs.Parse(e.DataJson).To;
                return to == CaseStatus.Resolved ? ["case.status_changed", "case.resolved"] : ["case.status_changed"];
            default: return [];
        }
    }
}
