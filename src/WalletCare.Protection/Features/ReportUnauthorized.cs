using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Money;
using WalletCare.Platform.Validation;

namespace WalletCare.Protection.Features;

public sealed record ReportUnauthorizedRequest(string? Description);
public sealed record ReportUnauthorizedResponse(Guid CaseId, string CaseNumber, bool Frozen);

/// <summary>
/// POST /api/v1/wallet/transactions/{id}/report-unauthorized ("这笔不是我做的"): freezes the wallet (which also
/// cancels withdrawals still pending), opens one P1 unauthorized_transaction case linked to the transaction
/// (keyed by it, so reporting twice gives the same case) and leaves the agent an internal note with the
/// session, device and address that made it. When the report starts the freeze, its case is the episode's case.
/// </summary>
public sealed class ReportUnauthorizedHandler(IWalletForensics forensics, AccountProtection protection, ICaseIntake intake,
    ICaseDirectory cases, ISessionControl sessions, IAuditLog audit)
{
    internal static async Task<Ok<ReportUnauthorizedResponse>> Endpoint(Guid id, ReportUnauthorizedRequest? req, ReportUnauthorizedHandler handler,
        CurrentUser user, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(user.UserId, id, req?.Description, ct));

    public async Task<ReportUnauthorizedResponse> HandleAsync(Guid customerId, Guid transactionId, string? description, CancellationToken ct = default)
    {
        var text = Text.Optional(description, "description", 2000, multiline: true) ?? "";
        var tx = await forensics.GetOriginAsync(customerId, transactionId, ct) ?? throw AppProblem.NotFound();
        if (!tx.IsOutgoing) throw new AppProblem(ProtectionErrors.NotOutgoing);
        var request = new IntakeRequest(customerId, "unauthorized_transaction", "app",
            Texts.Get("case.unauthorized.subject", "zh-CN"),
            Texts.Get("case.unauthorized.body", "zh-CN", tx.TransactionId, Money.Cny(tx.AmountMinor).Format(), text.Length == 0 ? Texts.Get("reason.none", "zh-CN") : text),
            TransactionIds: [tx.TransactionId], MinimumPriority: "P1", DedupeKey: $"unauthorized:{tx.TransactionId}",
            ActorId: customerId, ActorRole: "customer");
        var (freeze, freezeOpenedCase) = await protection.FreezeAsync(customerId, FreezeSources.UnauthorizedReport, text, customerId, _ => request, ct);
        var opened = await intake.OpenAsync(request, ct);
        // The note goes with whichever call opened the case (the freeze, when this report started the episode).
        if (opened.Created || (freezeOpenedCase && freeze.CaseId == opened.CaseId))
            await cases.AppendTimelineAsync(new TimelineAppend(opened.CaseId, null, "system", TimelineKinds.InternalNote, false,
                new TimelineArgs { WalletTransactionId = tx.TransactionId, TransactionIds = [tx.TransactionId] }, await OriginNoteAsync(tx, ct)), ct);
        await audit.WriteAsync(customerId.ToString(), "protection.unauthorized_reported", "transaction:" + tx.TransactionId,
            new { caseNumber = opened.Number, created = opened.Created }, ct);
        return new ReportUnauthorizedResponse(opened.CaseId, opened.Number, true);
    }

    private async Task<string> OriginNoteAsync(TransactionOrigin tx, CancellationToken ct)
    {
        if (tx.SessionId is not { } sid) return Texts.Get("note.origin_unknown", "zh-CN");
        var s = await sessions.GetSessionAsync(sid, ct);
        return Texts.Get("note.origin", "zh-CN", sid, s?.UserAgent ?? "-", tx.ClientIp ?? s?.Ip ?? "-",
            s?.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-",
            Texts.Get(s?.RevokedAt is null ? "note.session_live" : "note.session_revoked", "zh-CN"));
    }
}
