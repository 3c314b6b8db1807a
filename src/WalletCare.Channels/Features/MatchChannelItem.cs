using WalletCare.Platform.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Channels.Features;

public sealed record MatchRequest(string? Customer);

/// <summary>
/// POST /api/v1/agent/channel-items/{id}/match {customer: phone or e-mail} — the agent has verified who wrote or
/// called: the item lands on that customer's open case, or opens one by the item's channel. Matched once.
/// </summary>
public static class MatchChannelItem
{
    public static async Task<Ok<IntakeResult>> Endpoint(Guid id, MatchRequest req, MatchChannelItemHandler handler, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(user, id, req.Customer, ct));
}

public sealed class MatchChannelItemHandler(ChannelsDbContext db, IUserDirectory users, ICaseIntake intake, ICaseContacts contacts, TimeProvider time)
{
    public async Task<IntakeResult> HandleAsync(CurrentUser user, Guid itemId, string? customer, CancellationToken ct)
    {
        if (!user.IsStaff) throw AppProblem.Forbidden();
        var login = Phones.Normalize(customer) ?? customer?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(login) || login.Length > 320) throw AppProblem.Validation("customer", "field.required");
        var item = await db.Items.FirstOrDefaultAsync(x => x.Id == itemId, ct) ?? throw AppProblem.NotFound();
        if (item.MatchedCaseId is not null) throw new AppProblem(ChannelErrors.AlreadyMatched);
        if (await users.FindByLoginAsync(login, ct) is not { Role: "customer" } u) throw AppProblem.Validation("customer", "field.invalid");
        var channel = item.Kind switch { "email" => "email", "call" => "phone", _ => "third_party" };
        var text = item.Body.Length > 0 ? item.Body : item.Subject.Length > 0 ? item.Subject : item.Kind;
        IntakeResult result;
        if (await intake.FindOpenCaseAsync(u.Id, null, ct) is { } open)
        {
            await contacts.AddCustomerMessageAsync(open.Id, channel, text, u.Id, "customer", ct);
            result = new IntakeResult(open.Id, open.Number, false);
        }
        else
            result = await intake.OpenAsync(new IntakeRequest(u.Id, "other", channel, item.Subject.Length > 0 ? item.Subject : item.Kind, text,
                DedupeKey: "channel-item:" + item.Id, ActorId: user.UserId, ActorRole: user.Role), ct);
        item.MatchedCaseId = result.CaseId;
        item.MatchedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return result;
    }
}
