using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Resources;
using WalletCare.Cases.Timeline;
using WalletCare.Documents;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

public sealed record DossierEscalation(string Clock, int Level, DateTime At);
public sealed record DossierSurvey(bool Resolved, int Attitude, int Speed, string? Suggestion, DateTime At);
public sealed record DossierDto(ComplaintDto Case, IReadOnlyList<TransactionSummary> Transactions, IReadOnlyList<RemedySummary> Remedies,
    IReadOnlyList<ClockDto> Clocks, IReadOnlyList<DossierEscalation> Escalations, DossierSurvey? Survey, DateTime GeneratedAt, string GeneratedFor);

/// <summary>
/// What a regulator or court asks for, per case: timeline, evidence hashes, transactions, remedies,
/// SLA history and the survey — as JSON or as a PDF with real Chinese text. Customers get the public view.
/// </summary>
public static class Dossier
{
    public static async Task<IResult> CustomerEndpoint(Guid id, HttpContext http, CaseStore store, CurrentUser user, DossierBuilder b, CancellationToken ct) =>
        await b.RespondAsync(http, await store.GetForCustomerAsync(user.UserId, id, ct), includeInternal: false, ct);

    public static async Task<IResult> StaffEndpoint(Guid id, HttpContext http, CaseStore store, CurrentUser user, DossierBuilder b, CancellationToken ct) =>
        await b.RespondAsync(http, await store.GetForStaffAsync(user, id, ct), includeInternal: true, ct);
}

public sealed class DossierBuilder(CasesDbContext db, CasesQueries reader, TimelineRenderer renderer, IWalletQueries wallet, ICaseRemedies remedies, IStringLocalizer<CaseText> text, TimeProvider time, CurrentUser user, ErrorText errors)
{
    public async Task<IResult> RespondAsync(HttpContext http, Case c, bool includeInternal, CancellationToken ct)
    {
        var d = await BuildAsync(c, includeInternal, ct);
        var wantsPdf = http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Value == "application/pdf") || http.Request.Query["format"] == "pdf";
        if (wantsPdf) return Results.File(RenderPdf(d), "application/pdf", $"{c.Number}.pdf");
        // A link on a page asks for format=json: the browser saves a file instead of showing raw JSON (issue #17).
        if (http.Request.Query["format"] == "json")
            return Results.File(JsonSerializer.SerializeToUtf8Bytes(d, JsonSerializerOptions.Web), "application/json", $"{c.Number}.json");
        return Results.Json(d, JsonSerializerOptions.Web, "application/json");
    }

    public async Task<DossierDto> BuildAsync(Case c, bool includeInternal, CancellationToken ct)
    {
        var dto = await reader.ReadAsync(c, includeInternal, ct);
        var txs = dto.TransactionIds.Count == 0 ? [] : await wallet.GetTransactionsAsync(c.CustomerId, dto.TransactionIds.ToList(), ct);
        var esc = await db.Escalations.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.At)
            .Select(e => new DossierEscalation(e.ClockKind, e.Level, e.At)).ToListAsync(ct);
        var s = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == c.Id, ct);
        return new DossierDto(dto, txs, await remedies.ListAsync(c.Id, customerView: !includeInternal, ct), await reader.ClocksAsync(c.Id, ct), esc,
            s is null ? null : new DossierSurvey(s.Resolved, s.Attitude, s.Speed, s.Suggestion, s.At), time.GetUtcNow().UtcDateTime, user.Role);
    }

    public byte[] RenderPdf(DossierDto d)
    {
        string T(string key, params object[] args) => text[key, args];
        static string L(DateTime? t) => t is null ? "—" : BusinessCalendar.ToLocal(t.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        static string M(long minor) => new Platform.Money.Money(minor, "CNY").Format();
        // Words, never codes, in a document a person reads (issue #17); an unknown value falls back to itself.
        string W(string prefix, string value) { var s = text[prefix + value]; return s.ResourceNotFound ? value : s.Value; }
        var c = d.Case;
        var pdf = new PdfReport(T("dossier.title", c.Number))
            .Heading(T("dossier.summary"))
            .Field(T("dossier.number"), c.Number)
            .Field(T("dossier.category"), T("category." + c.Category))
            .Field(T("dossier.channel"), T("channel." + c.Channel))
            .Field(T("dossier.status"), T("status." + c.Status))
            .Field(T("dossier.priority"), c.Priority)
            .Field(T("dossier.received"), L(c.ReceivedAt))
            .Field(T("dossier.regulatory_due"), L(c.RegulatoryDueAt) + (c.RegulatoryExtended ? " " + T("dossier.extended") : ""))
            .Field(T("dossier.subject"), c.Subject)
            .Paragraph(c.Description)
            .Heading(T("dossier.timeline"))
            .Table([T("dossier.time"), T("dossier.actor"), T("dossier.entry")],
                (c.Timeline ?? []).Select(e => (IReadOnlyList<string>)[L(e.At), e.Actor, e.Public ? e.Text : $"({T("dossier.internal")}) {e.Text}"]), [0.2f, 0.15f, 0.65f])
            .Heading(T("dossier.evidence"))
            .Table([T("dossier.file"), "SHA-256", T("dossier.time")],
                (c.Attachments ?? []).Select(a => (IReadOnlyList<string>)[a.FileName, a.Sha256, L(a.UploadedAt)]), [0.3f, 0.5f, 0.2f])
            .Heading(T("dossier.transactions"))
            .Table([T("dossier.time"), T("dossier.type"), T("dossier.amount"), T("dossier.status"), T("dossier.code")],
                d.Transactions.Select(t => (IReadOnlyList<string>)[L(t.CreatedAt), W("tx_type.", t.Type), M(t.AmountMinor), W("tx_status.", t.Status), t.FailureCode is null ? "" : errors.Get(t.FailureCode)]))
            .Heading(T("dossier.remedies"))
            .Table([T("dossier.type"), T("dossier.amount"), T("dossier.status"), T("dossier.time")],
                d.Remedies.Select(r => (IReadOnlyList<string>)[renderer.RemedyType(r.Type), M(r.AmountMinor), W("remedy_state.", r.State), L(r.DecidedAt ?? r.ProposedAt)]))
            .Heading(T("dossier.sla"))
            .Table([T("dossier.clock"), T("dossier.status"), T("dossier.due"), T("dossier.breached")],
                d.Clocks.Select(k => (IReadOnlyList<string>)[T("clock." + k.Kind), W("clock_state.", k.State), L(k.DueAt), L(k.BreachedAt)]))
            .Table([T("dossier.clock"), T("dossier.level"), T("dossier.time")],
                d.Escalations.Select(e => (IReadOnlyList<string>)[T("clock." + e.Clock), e.Level.ToString(CultureInfo.InvariantCulture), L(e.At)]))
            .Heading(T("dossier.survey"));
        if (d.Survey is { } s)
            pdf.Field(T("dossier.survey_resolved"), s.Resolved ? "✓" : "✗").Field(T("dossier.survey_scores"), $"{s.Attitude} / {s.Speed}").Field(T("dossier.survey_suggestion"), s.Suggestion);
        else pdf.Paragraph("—");
        pdf.Paragraph(T("dossier.generated", L(d.GeneratedAt)), 8);
        return pdf.Render();
    }
}
