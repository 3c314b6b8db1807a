using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Idempotency;
using WalletCare.Platform.Paging;
using WalletCare.Wallet.Domain;

namespace WalletCare.Wallet.Features;

public sealed record LimitsDto(long PerTransactionMinor, long DailyMinor, long MonthlyMinor);
public sealed record WalletDto(string Status, string Currency, long AvailableMinor, long HeldMinor, int KycLevel, LimitsDto Limits, string? FrozenReason);
public sealed record MerchantDto(Guid Id, string Name, string NameEn, string Descriptor, string Category);

public static class WalletEndpoints
{
    public static void MapWalletApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/wallet").RequireAuthorization(Policies.Customer).WithTags("Wallet");
        g.MapGet("/", GetWallet);
        g.MapGet("/merchants", async (WalletDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Merchants.AsNoTracking().OrderBy(m => m.Name).Select(m => new MerchantDto(m.Id, m.Name, m.NameEn, m.Descriptor, m.Category)).ToListAsync(ct)));
        g.MapGet("/cards", async (WalletDbContext db, CurrentUser user, CancellationToken ct) =>
            TypedResults.Ok((await db.Cards.AsNoTracking().Where(c => c.CustomerId == user.UserId && c.Active).OrderBy(c => c.CreatedAt).ToListAsync(ct)).Select(TransactionExplainer.Map).ToList()));
        g.MapPost("/cards", async (BindCardRequest req, WalletService svc, CurrentUser user, CancellationToken ct) =>
        {
            var card = await svc.BindCardAsync(user.UserId, req, ct);
            return TypedResults.Created($"/api/v1/wallet/cards/{card.Id}", TransactionExplainer.Map(card));
        });
        g.MapDelete("/cards/{id:guid}", async (Guid id, WalletService svc, CurrentUser user, CancellationToken ct) =>
        {
            await svc.UnbindCardAsync(user.UserId, id, ct);
            return TypedResults.NoContent();
        });

        g.MapPost("/topups", (TopupRequest req, WalletService svc, CurrentUser user, TransactionExplainer x, HttpContext http, CancellationToken ct) =>
            Money(x, svc.TopupAsync(user.UserId, req, Key(http), null, ct))).WithIdempotency();
        g.MapPost("/payments", (PaymentRequest req, WalletService svc, CurrentUser user, TransactionExplainer x, HttpContext http, CancellationToken ct) =>
            Money(x, svc.PayAsync(user.UserId, req, Key(http), null, ct))).WithIdempotency();
        g.MapPost("/transfers", (TransferRequest req, WalletService svc, CurrentUser user, TransactionExplainer x, HttpContext http, CancellationToken ct) =>
            Money(x, svc.TransferAsync(user.UserId, req, Key(http), null, ct))).WithIdempotency();
        g.MapPost("/withdrawals", (WithdrawalRequest req, WalletService svc, CurrentUser user, TransactionExplainer x, HttpContext http, CancellationToken ct) =>
            Money(x, svc.WithdrawAsync(user.UserId, req, Key(http), ct))).WithIdempotency();

        g.MapGet("/transactions", ListTransactions);
        g.MapGet("/transactions/{id:guid}", GetTransaction);
        g.MapGet("/statement.csv", Statement);
    }

    private static string Key(HttpContext http) => http.Request.Headers[IdempotencyExtensions.Header].ToString();

    private static async Task<Created<TransactionDto>> Money(TransactionExplainer x, Task<WalletTransaction> op)
    {
        var t = await op;
        return TypedResults.Created($"/api/v1/wallet/transactions/{t.Id}", x.Map(t));
    }

    private static async Task<Ok<WalletDto>> GetWallet(WalletService svc, WalletDbContext db, WalletLimits limits, CurrentUser user, CancellationToken ct)
    {
        var w = await svc.EnsureWalletAsync(user.UserId, ct);
        var a = await db.LedgerAccounts.AsNoTracking().FirstAsync(x => x.Id == w.LedgerAccountId, ct);
        var l = limits.For(w.KycLevel);
        return TypedResults.Ok(new WalletDto(w.Status, a.Currency, a.Available, a.Held, w.KycLevel,
            new LimitsDto(l.PerTransactionMinor, l.DailyMinor, l.MonthlyMinor), w.FrozenReason));
    }

    private static async Task<Ok<CursorPage<TransactionDto>>> ListTransactions(WalletDbContext db, CurrentUser user, TransactionExplainer x,
        string? type, string? status, DateTime? from, DateTime? to, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var q = db.Transactions.AsNoTracking().Where(t => t.CustomerId == user.UserId);
        if (!string.IsNullOrEmpty(type)) q = q.Where(t => t.Type == type);
        if (!string.IsNullOrEmpty(status)) q = q.Where(t => t.Status == status);
        if (from is { } f) { var fu = f.ToUniversalTime(); q = q.Where(t => t.CreatedAt >= fu); }
        if (to is { } tt) { var tu = tt.ToUniversalTime(); q = q.Where(t => t.CreatedAt < tu); }
        if (Cursor.TryDecode(cursor, out DateTime before, out var idText) && Guid.TryParse(idText, out var beforeId))
            q = q.Where(t => t.CreatedAt < before || (t.CreatedAt == before && t.Id.CompareTo(beforeId) < 0));
        var rows = await q.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(t => x.Map(t)).ToList();
        var next = rows.Count > take ? Cursor.Encode(items[^1].CreatedAt, items[^1].Id.ToString()) : null;
        return TypedResults.Ok(new CursorPage<TransactionDto>(items, next));
    }

    private static async Task<Ok<TransactionDto>> GetTransaction(Guid id, WalletDbContext db, CurrentUser user, TransactionExplainer x, CancellationToken ct)
    {
        var t = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.CustomerId == user.UserId, ct) ?? throw AppProblem.NotFound();
        var events = await db.TransactionEvents.AsNoTracking().Where(e => e.TransactionId == id).OrderBy(e => e.Id).ToListAsync(ct);
        return TypedResults.Ok(x.Map(t, events));
    }

    private static async Task<IResult> Statement(WalletDbContext db, CurrentUser user, TransactionExplainer x, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (from is null || to is null || to < from) throw AppProblem.Validation("from", "field.date_range");
        var fu = BusinessCalendar.ToUtc(from.Value.ToDateTime(TimeOnly.MinValue));
        var tu = BusinessCalendar.ToUtc(to.Value.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var rows = await db.Transactions.AsNoTracking().Where(t => t.CustomerId == user.UserId && t.CreatedAt >= fu && t.CreatedAt < tu)
            .OrderBy(t => t.CreatedAt).ToListAsync(ct);
        var sb = new StringBuilder("time_asia_shanghai,id,type,status,amount,currency,counterparty,description,failure_code\n");
        foreach (var t in rows)
        {
            var local = BusinessCalendar.ToLocal(t.CreatedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var sign = t.Type is TxType.Payment or TxType.TransferOut or TxType.Withdrawal or TxType.Reversal ? "-" : "";
            var amount = string.Create(CultureInfo.InvariantCulture, $"{sign}{t.AmountMinor / 100}.{t.AmountMinor % 100:D2}");
            sb.AppendJoin(',', local, t.Id, t.Type, t.Status, amount, t.Currency, Csv(t.Counterparty), Csv(t.Description), t.FailureCode).Append('\n');
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", $"statement-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");
    }

    private static string Csv(string? s) =>
        s is null ? "" : s.IndexOfAny([',', '"', '\n']) >= 0 || s.StartsWith('=') || s.StartsWith('+') || s.StartsWith('-') || s.StartsWith('@')
            ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
