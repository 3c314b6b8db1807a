using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Evidence;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

/// <summary>POST /api/v1/complaints/{id}/attachments (multipart field <c>file</c>) — evidence from the customer.</summary>
public static class UploadEvidence
{
    public static async Task<Created<AttachmentDto>> Endpoint(Guid id, IFormFile? file, CaseStore store, EvidenceUpload evidence, CurrentUser user, CancellationToken ct)
    {
        var c = await store.GetForCustomerAsync(user.UserId, id, ct);
        var a = await evidence.AttachAsync(c, await evidence.PrepareAsync(file, ct), file?.FileName, user.UserId, Roles.Customer, ct);
        return TypedResults.Created($"/api/v1/complaints/{id}/attachments/{a.Id}", CaseMapping.Map(a));
    }
}

/// <summary>GET /api/v1/complaints/{id}/attachments/{attachmentId} — the stored file, re-verified against its SHA-256.</summary>
public static class DownloadEvidence
{
    public static async Task<IResult> Endpoint(Guid id, Guid attachmentId, CaseStore store, EvidenceStore files, CurrentUser user, CancellationToken ct)
    {
        var c = await store.GetForCustomerAsync(user.UserId, id, ct);
        var a = await store.Db.Attachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.CaseId == c.Id, ct) ?? throw AppProblem.NotFound();
        return Results.File(await files.ReadVerifiedAsync(a, ct), a.ContentType, a.FileName);
    }
}
