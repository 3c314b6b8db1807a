using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;
using WalletCare.Protection.Domain;

namespace WalletCare.Protection.Features;

public sealed record NewUnfreezeRequest(Guid CustomerId, string? DocumentType, string? DocumentLast4, string? CheckNotes);
public sealed record UnfreezeRequestView(Guid Id, Guid CustomerId, string DocumentType, string DocumentLast4, string CheckNotes,
    Guid RequestedBy, DateTime RequestedAt, string State, Guid? DecidedBy, DateTime? DecidedAt);

/// <summary>
/// Staff unfreeze with maker–checker: an agent records the identity document check (maker); a supervisor who
/// did not record it approves (checker), and only then is the wallet unfrozen, with the request on the audit log.
/// </summary>
public sealed class StaffUnfreezeHandler(ProtectionDbContext db, AccountProtection protection, UnfreezeHandler state, IAuditLog audit, TimeProvider time)
{
    internal static readonly string[] DocumentTypes = ["id_card", "passport", "hk_macau_permit", "taiwan_permit"];

    internal static async Task<Created<UnfreezeRequestView>> CreateEndpoint(NewUnfreezeRequest req, StaffUnfreezeHandler h, CurrentUser user, CancellationToken ct)
    {
        var v = await h.RecordCheckAsync(user.UserId, req, ct);
        return TypedResults.Created($"/api/v1/agent/unfreeze-requests/{v.Id}", v);
    }

    internal static async Task<Ok<UnfreezeRequestView>> ApproveEndpoint(Guid id, StaffUnfreezeHandler h, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await h.ApproveAsync(user.UserId, id, ct));

    internal static async Task<Ok<UnfreezeRequestView>> RejectEndpoint(Guid id, StaffUnfreezeHandler h, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await h.RejectAsync(user.UserId, id, ct));

    internal static async Task<Ok<IReadOnlyList<UnfreezeRequestView>>> ListEndpoint(StaffUnfreezeHandler h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(ct));

    public async Task<UnfreezeRequestView> RecordCheckAsync(Guid agentId, NewUnfreezeRequest r, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var type = Text.Check(errors, "documentType", r.DocumentType, 40);
        if (type is not null && !DocumentTypes.Contains(type)) errors["documentType"] = ["field.invalid"];
        var last4 = Text.Check(errors, "documentLast4", r.DocumentLast4, 4);
        if (last4 is not null && (last4.Length != 4 || !last4.All(c => char.IsAsciiDigit(c) || c is 'X' or 'x'))) errors["documentLast4"] = ["field.invalid"];
        var notes = Text.Check(errors, "checkNotes", r.CheckNotes, 2000, multiline: true);
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        if (!await state.IsFrozenAsync(r.CustomerId, ct)) throw new AppProblem(ProtectionErrors.NotFrozen);
        var row = new UnfreezeRequest
        {
            CustomerId = r.CustomerId, DocumentType = type!, DocumentLast4 = last4!.ToUpperInvariant(), CheckNotes = notes!,
            RequestedBy = agentId, RequestedAt = time.GetUtcNow().UtcDateTime,
        };
        db.UnfreezeRequests.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(agentId.ToString(), "protection.identity_check_recorded", "customer:" + r.CustomerId,
            new { request = row.Id, documentType = row.DocumentType }, ct);
        return View(row);
    }

    public async Task<UnfreezeRequestView> ApproveAsync(Guid supervisorId, Guid id, CancellationToken ct = default)
    {
        var row = await PendingAsync(id, ct);
        if (row.RequestedBy == supervisorId) throw new AppProblem(ProtectionErrors.OwnVerification);
        await DecideAsync(row, supervisorId, UnfreezeStates.Approved, ct);
        await protection.UnfreezeAsync(row.CustomerId, $"identity_check:{row.Id}", supervisorId, ct);
        return View(row);
    }

    public async Task<UnfreezeRequestView> RejectAsync(Guid supervisorId, Guid id, CancellationToken ct = default)
    {
        var row = await PendingAsync(id, ct);
        await DecideAsync(row, supervisorId, UnfreezeStates.Rejected, ct);
        await audit.WriteAsync(supervisorId.ToString(), "protection.unfreeze_rejected", "customer:" + row.CustomerId, new { request = row.Id }, ct);
        return View(row);
    }

    public async Task<IReadOnlyList<UnfreezeRequestView>> ListAsync(CancellationToken ct = default) =>
        (await db.UnfreezeRequests.AsNoTracking().OrderByDescending(r => r.RequestedAt).Take(100).ToListAsync(ct)).Select(View).ToList();

    private async Task<UnfreezeRequest> PendingAsync(Guid id, CancellationToken ct)
    {
        var row = await db.UnfreezeRequests.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AppProblem.NotFound();
        if (row.State != UnfreezeStates.Pending) throw new AppProblem(ProtectionErrors.RequestDecided);
        return row;
    }

    // The version token makes two supervisors deciding at once produce one decision and one 409.
    private async Task DecideAsync(UnfreezeRequest row, Guid supervisorId, string decision, CancellationToken ct)
    {
        row.State = decision;
        row.DecidedBy = supervisorId;
        row.DecidedAt = time.GetUtcNow().UtcDateTime;
        row.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new AppProblem(ProtectionErrors.RequestDecided); }
    }

    private static UnfreezeRequestView View(UnfreezeRequest r) =>
        new(r.Id, r.CustomerId, r.DocumentType, r.DocumentLast4, r.CheckNotes, r.RequestedBy, r.RequestedAt, r.State, r.DecidedBy, r.DecidedAt);
}
