using Microsoft.AspNetCore.Http;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Evidence;

/// <summary>Evidence from a form or the API: checked and cleaned first, then stored and put on the timeline.</summary>
public sealed class EvidenceUpload(EvidenceStore store, CasesDbContext db, IAuditLog audit, TimeProvider time)
{
    public async Task<StoredFile> PrepareAsync(IFormFile? file, CancellationToken ct = default)
    {
        if (file is null || file.Length == 0) throw AppProblem.Validation("file", "field.required");
        if (file.Length > EvidenceStore.MaxBytes) throw new AppProblem(CaseErrors.AttachmentTooLarge, EvidenceStore.MaxBytes / 1024 / 1024);
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        return store.Prepare(ms.ToArray());
    }

    public async Task<CaseAttachment> AttachAsync(Case c, StoredFile prepared, string? fileName, Guid actor, string role = Roles.Customer, CancellationToken ct = default)
    {
        if (c.Status == CaseStatus.Closed) throw new AppProblem(CaseErrors.CaseClosed);
        var path = await store.SaveAsync(prepared, ct);
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "evidence" : fileName);
        var a = new CaseAttachment
        {
            CaseId = c.Id, FileName = name.Length > 200 ? name[..200] : name, ContentType = prepared.ContentType, SizeBytes = prepared.Content.Length,
            Sha256 = prepared.Sha256, StoragePath = path, MetadataStripped = prepared.MetadataStripped, UploadedBy = actor,
            UploadedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Attachments.Add(a);
        db.Events.Add(c.Record(new Actor(actor, role), TimelineKinds.Attachment, true, a.UploadedAt,
            new TimelineArgs { AttachmentId = a.Id, FileName = a.FileName, Sha256 = a.Sha256, ContentType = a.ContentType, SizeBytes = a.SizeBytes }));
        c.Version++;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.ToString(), "case.attachment", "case:" + c.Id, new { a.Sha256, a.SizeBytes, a.ContentType }, ct);
        return a;
    }
}
