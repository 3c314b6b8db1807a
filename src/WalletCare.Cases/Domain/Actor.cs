using WalletCare.Platform.Http;

namespace WalletCare.Cases;

/// <summary>Who acts on a case; the timeline records the role so it can say "您" or "客服" without a name.</summary>
public sealed record Actor(Guid? Id, string Role)
{
    public static Actor System { get; } = new(null, "system");
    public bool IsCustomer => Role == Roles.Customer;
    public static Actor Of(CurrentUser user) => new(user.UserId, user.Role);
}
