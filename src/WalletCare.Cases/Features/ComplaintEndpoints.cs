using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Evidence;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Idempotency;
using WalletCare.Platform.Paging;
using WalletCare.Security;
using WalletCare.Security.Auth;

namespace WalletCare.Cases.Features;

public sealed record BodyRequest(string? Body);
public sealed record ReasonRequest(string? Reason);
public sealed record SurveyRequest(bool? Resolved, int? Attitude, int? Speed, string? Suggestion);

/// <summary>The customer's side of complaints (SPEC §7). Another customer's case is 404.</summary>
public static class ComplaintEndpoints
{
    public static void MapComplaints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/complaints").RequireAuthorization(Policies.Customer).WithTags("Complaints");
        g.MapPost("/", Create).WithIdempotency(required: false);
        g.MapGet("/", List);
        g.MapGet("/{id:guid}", async (Guid id, CaseService cases, CaseReader reader, CurrentUser user, CancellationToken ct) =>
            TypedResults.Ok(await reader.ReadAsync(await cases.GetForCustomerAsync(user.UserId, id, ct), includeInternal: false, ct)));
        g.MapPost("/{id:guid}/messages", async (Guid id, BodyRequest req, CaseService cases, CurrentUser user, CancellationToken ct) =>
        {
            var c = await cases.GetForCustomerAsync(user.UserId, id, ct);
            var e = await cases.CustomerMessageAsync(c, user.UserId, req.Body, ct);
            return TypedResults.Created($"/api/v1/complaints/{id}", CaseMapping.Map(e));
        });
        g.MapPost("/{id:guid}/attachments", Upload).DisableAntiforgery();
        g.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download);
        g.MapPost("/{id:guid}/escalate", async (Guid id, ReasonRequest req, CaseService cases, CaseReader reader, CurrentUser user, CancellationToken ct) =>
        {
            var c = await cases.GetForCustomerAsync(user.UserId, id, ct);
            await cases.EscalateAsync(c, user.UserId, req.Reason, ct);
            return TypedResults.Ok(await reader.ReadAsync(c, false, ct));
        });
        g.MapPost("/{id:guid}/reopen", async (Guid id, ReasonRequest req, CaseService cases, CaseReader reader, CurrentUser user, CancellationToken ct) =>
        {
            var c = await cases.GetForCustomerAsync(user.UserId, id, ct);
            await cases.ReopenAsync(c, new Actor(user.UserId, Roles.Customer), req.Reason, ct);
            return TypedResults.Ok(await reader.ReadAsync(c, false, ct));
        });
        g.MapPost("/{id:guid}/cancel", async (Guid id, ReasonRequest req, CaseService cases, CaseReader reader, CurrentUser user, CancellationToken ct) =>
        {
            var c = await cases.GetForCustomerAsync(user.UserId, id, ct);
            await cases.ChangeStatusAsync(c, new Actor(user.UserId, Roles.Customer), CaseStatus.Closed, string.IsNullOrWhiteSpace(req.Reason) ? "cancelled_by_customer" : req.Reason, ct);
            return TypedResults.Ok(await reader.ReadAsync(c, false, ct));
        });
        g.MapPost("/{id:guid}/survey", Survey);
    }

    private static async Task<Created<ComplaintDto>> Create(NewComplaint req, CaseService cases, CaseReader reader, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var channel = http.User.HasClaim(c => c.Type == WalletCareClaims.ViaCookie) ? "web" : "app";
        var c = await cases.CreateAsync(user.UserId, req, channel, ct);
        return TypedResults.Created($"/api/v1/complaints/{c.Id}", await reader.ReadAsync(c, false, ct));
    }

    private static async Task<Ok<CursorPage<ComplaintListItem>>> List(CasesDbContext db, CurrentUser user, string? status, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var q = db.Cases.AsNoTracking().Where(c => c.CustomerId == user.UserId && c.MergedIntoId == null);
        if (!string.IsNullOrEmpty(status)) q = q.Where(c => c.Status == status);
        if (Cursor.TryDecode(cursor, out DateTime before, out var idText) && Guid.TryParse(idText, out var beforeId))
            q = q.Where(c => c.ReceivedAt < before || (c.ReceivedAt == before && c.Id.CompareTo(beforeId) < 0));
        var rows = await q.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(take + 1)
            .Select(c => new ComplaintListItem(c.Id, c.Number, c.Status, c.Priority, c.Category, c.Subject, c.ReceivedAt, c.UpdatedAt)).ToListAsync(ct);
        var items = rows.Take(take).ToList();
        return TypedResults.Ok(new CursorPage<ComplaintListItem>(items, rows.Count > take ? Cursor.Encode(items[^1].ReceivedAt, items[^1].Id.ToString()) : null));
    }

    private static async Task<Created<AttachmentDto>> Upload(Guid id, IFormFile? file, CaseService cases, CasesDbContext db, EvidenceStore store,
        CurrentUser user, IAuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var c = await cases.GetForCustomerAsync(user.UserId, id, ct);
        var a = await AttachAsync(c, file, user.UserId, Roles.Customer, cases, db, store, time, ct);
        await audit.WriteAsync(user.Actor, "case.attachment", "case:" + c.Id, new { a.Sha256, a.SizeBytes, a.ContentType }, ct);
        return TypedResults.Created($"/api/v1/complaints/{id}/attachments/{a.Id}", CaseMapping.Map(a));
    }

    /// <summary>Checks, cleans, stores and records one evidence file (shared by customer and staff uploads).</summary>
    public static async Task<CaseAttachment> AttachAsync(Case c, IFormFile? file, Guid actor, string role, CaseService cases, CasesDbContext db,
        EvidenceStore store, TimeProvider time, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw AppProblem.Validation("file", "field.required");
        if (file.Length > EvidenceStore.MaxBytes) throw new AppProblem(CaseErrors.AttachmentTooLarge, 413, EvidenceStore.MaxBytes / 1024 / 1024);
        if (c.Status == CaseStatus.Closed) throw new AppProblem(CaseErrors.CaseClosed, 409);
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        var prepared = store.Prepare(ms.ToArray());
        var path = await store.SaveAsync(prepared, ct);
        var name = Path.GetFileName(file.FileName ?? "evidence");
        var a = new CaseAttachment
        {
            CaseId = c.Id, FileName = name.Length > 200 ? name[..200] : name, ContentType = prepared.ContentType, SizeBytes = prepared.Content.Length,
            Sha256 = prepared.Sha256, StoragePath = path, MetadataStripped = prepared.MetadataStripped, UploadedBy = actor,
            UploadedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Attachments.Add(a);
        cases.AddEvent(c, new Actor(actor, role), "attachment", true, a.FileName, new { attachmentId = a.Id, a.Sha256, a.ContentType, a.SizeBytes });
        c.Version++;
        await db.SaveChangesAsync(ct);
        return a;
    }

    private static async Task<IResult> Download(Guid id, Guid attachmentId, CaseService cases, CasesDbContext db, EvidenceStore store, CurrentUser user, CancellationToken ct)
    {
        var c = await cases.GetForCustomerAsync(user.UserId, id, ct);
        var a = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.CaseId == c.Id, ct) ?? throw AppProblem.NotFound();
        return Results.File(await store.ReadAsync(a.StoragePath, ct), a.ContentType, a.FileName);
    }

    private static async Task<Ok<ComplaintDto>> Survey(Guid id, SurveyRequest req, CaseService cases, CaseReader reader, CasesDbContext db, CurrentUser user, TimeProvider time, CancellationToken ct)
    {
        var c = await cases.GetForCustomerAsync(user.UserId, id, ct);
        var errors = new Dictionary<string, string[]>();
        if (req.Resolved is null) errors["resolved"] = ["field.required"];
        if (req.Attitude is not (>= 1 and <= 5)) errors["attitude"] = ["field.rating"];
        if (req.Speed is not (>= 1 and <= 5)) errors["speed"] = ["field.rating"];
        if (req.Suggestion is { Length: > 2000 }) errors["suggestion"] = ["field.invalid"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        if (c.Status is not (CaseStatus.Resolved or CaseStatus.Closed)) throw new AppProblem(CaseErrors.SurveyNotOpen, 409);
        if (await db.Surveys.AnyAsync(s => s.CaseId == id, ct)) throw new AppProblem(CaseErrors.SurveyDone, 409);
        db.Surveys.Add(new Survey
        {
            CaseId = id, CustomerId = user.UserId, Resolved = req.Resolved!.Value, Attitude = req.Attitude!.Value, Speed = req.Speed!.Value,
            Suggestion = req.Suggestion?.Trim(), At = time.GetUtcNow().UtcDateTime,
        });
        cases.AddEvent(c, new Actor(user.UserId, Roles.Customer), "survey", true, req.Suggestion?.Trim() ?? "",
            new { req.Resolved, req.Attitude, req.Speed });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new AppProblem(CaseErrors.SurveyDone, 409); // a concurrent twin won
        }
        if (req.Resolved == false) await cases.ReopenAsync(c, new Actor(user.UserId, Roles.Customer), "survey_not_resolved", ct);
        return TypedResults.Ok(await reader.ReadAsync(c, false, ct));
    }
}
