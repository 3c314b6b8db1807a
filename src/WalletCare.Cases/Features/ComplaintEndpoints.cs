using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Evidence;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Idempotency;
using WalletCare.Platform.Paging;

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

    private static async Task<Created<AttachmentDto>> Upload(Guid id, IFormFile? file, CaseService cases, EvidenceUpload evidence, CurrentUser user, CancellationToken ct)
    {
        var c = await cases.GetForCustomerAsync(user.UserId, id, ct);
        var a = await evidence.AttachAsync(c, await evidence.PrepareAsync(file, ct), file?.FileName, user.UserId, Roles.Customer, ct);
        return TypedResults.Created($"/api/v1/complaints/{id}/attachments/{a.Id}", CaseMapping.Map(a));
    }

    private static async Task<IResult> Download(Guid id, Guid attachmentId, CaseService cases, CasesDbContext db, EvidenceStore store, CurrentUser user, CancellationToken ct)
    {
        var c = await cases.GetForCustomerAsync(user.UserId, id, ct);
        var a = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.CaseId == c.Id, ct) ?? throw AppProblem.NotFound();
        return Results.File(await store.ReadVerifiedAsync(a, ct), a.ContentType, a.FileName);
    }

    private static async Task<Ok<ComplaintDto>> Survey(Guid id, SurveyRequest req, CaseService cases, SurveyService surveys, CaseReader reader, CurrentUser user, CancellationToken ct)
    {
        var c = await cases.GetForCustomerAsync(user.UserId, id, ct);
        await surveys.SubmitAsync(c, user.UserId, req, ct);
        return TypedResults.Ok(await reader.ReadAsync(c, false, ct));
    }
}
