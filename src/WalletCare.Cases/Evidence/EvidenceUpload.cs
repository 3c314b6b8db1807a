using Microsoft.AspNetCore.Http;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;

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
        var name = SafeFileName(fileName);
        var a = new CaseAttachment
        {
            CaseId = c.Id, FileName = name, ContentType = prepared.ContentType, SizeBytes = prepared.Content.Length,
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

    public const int MaxFileNameLength = 100;

    /// <summary>
    /// The name shown in the timeline, the dossier and the download: the last path segment only, without control
    /// characters, bidi overrides ("gpj.exe" shown as "exe.jpg") or "..", at most 100 characters keeping the extension.
    /// </summary>
    public static string SafeFileName(string? fileName)
    {
        var raw = fileName ?? "";
        var last = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new string(last.Where(ch => !char.IsControl(ch) && !Text.IsBidiControl(ch) && ch is not (':' or '*' or '?' or '"' or '<' or '>' or '|')).ToArray());
        while (kept.Contains("..", StringComparison.Ordinal)) kept = kept.Replace("..", ".", StringComparison.Ordinal);
        kept = kept.Trim().Trim('.').Trim();
        if (kept.Length == 0) return "evidence";
        if (kept.Length <= MaxFileNameLength) return kept;
        var ext = Path.GetExtension(kept);
        if (ext.Length > 10) ext = "";
        return kept[..(MaxFileNameLength - ext.Length)].TrimEnd() + ext;
    }
}
