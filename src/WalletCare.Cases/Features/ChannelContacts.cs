using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Evidence;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;

namespace WalletCare.Cases.Features;

/// <summary>
/// Contacts that arrive through a channel (an e-mail reply, a call, a platform's webhook) take the same
/// paths as the portal's: a message has the clock effects of <see cref="AddCustomerMessageHandler"/>, a file
/// the checks of <see cref="EvidenceUpload"/>, an external reference the rule of <see cref="AddExternalCase"/>.
/// The channel itself already checked who the sender is; here the case only has to exist.
/// </summary>
public sealed class ChannelContacts(CaseStore store, AddCustomerMessageHandler messages, EvidenceStore files, EvidenceUpload evidence)
    : ICaseContacts, ICaseNumbers
{
    public async Task AddCustomerMessageAsync(Guid caseId, string channel, string text, Guid? actorId, string actorRole, CancellationToken ct = default) =>
        await messages.HandleAsync(await store.GetAsync(caseId, ct), new Actor(actorId, actorRole), text, ct, channel);

    public async Task<Guid> AddEvidenceAsync(Guid caseId, string fileName, string contentType, Stream content, Guid? actorId, string actorRole,
        CancellationToken ct = default)
    {
        var c = await store.GetAsync(caseId, ct);
        using var ms = new MemoryStream();
        // Read one byte past the limit so an oversized file is refused without buffering all of it.
        var buffer = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(buffer, ct)) > 0)
        {
            ms.Write(buffer, 0, n);
            if (ms.Length > EvidenceStore.MaxBytes) throw new AppProblem(CaseErrors.AttachmentTooLarge, EvidenceStore.MaxBytes / 1024 / 1024);
        }
        var a = await evidence.AttachAsync(c, files.Prepare(ms.ToArray()), fileName, actorId ?? Guid.Empty, actorRole, ct);
        return a.Id;
    }

    public async Task SetExternalAsync(Guid caseId, string source, string reference, DateTime? dueAt, CancellationToken ct = default) =>
        await AddExternalCase.ApplyAsync(store, await store.GetAsync(caseId, ct), Actor.System, source, reference, store.Now, dueAt, ct);

    public async Task<CaseRef?> FindByNumberAsync(string number, CancellationToken ct = default) =>
        await store.Db.Cases.AsNoTracking().Where(c => c.Number == number)
            .Select(c => new CaseRef(c.Id, c.Number, c.CustomerId, c.Status, c.Category, c.Priority)).FirstOrDefaultAsync(ct);
}
