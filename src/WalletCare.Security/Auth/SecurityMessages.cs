using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using WalletCare.Platform.Outbox;
using WalletCare.Security.Domain;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Auth;

/// <summary>
/// Messages the security area sends (new-device alert, password-reset code), in the recipient's language and
/// added to the context's outbox so they commit with their cause; the notifications area delivers them.
/// </summary>
public sealed class SecurityMessages(SecurityDbContext db, IStringLocalizerFactory localizers, IConfiguration config)
{
    public static readonly TimeSpan NotMeLifetime = TimeSpan.FromHours(24);
    public const string AlertKind = "security_alert";
    public const string CodeKind = "verification_code";

    private readonly IStringLocalizer _text = localizers.Create(typeof(Resources.SecurityText));

    public string Text(string locale, string key, params object[] args)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(locale == "en-US" ? "en-US" : "zh-CN");
            return _text[key, args].Value;
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    /// <summary>An SMS (or e-mail when there is no phone) and an in-app notice with a "this wasn't me" link valid for 24 h.</summary>
    public void NewDeviceAlert(User user, string device, string? ip, DateTime now)
    {
        var token = NewToken();
        db.OneTimeTokens.Add(new OneTimeToken
        {
            UserId = user.Id, Purpose = TokenPurposes.NotMe, TokenHash = SessionService.HashToken(token), CreatedAt = now, ExpiresAt = now + NotMeLifetime,
        });
        var baseUrl = (config["WalletCare:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/');
        var link = baseUrl + "/security/not-me?token=" + token;
        var subject = Text(user.Locale, "alert.new_device.subject");
        var body = Text(user.Locale, "alert.new_device.body", device, ip ?? "-", link);
        var headers = JsonSerializer.Serialize(new { link });
        if (user.Phone is not null)
            db.Outbox.Add(OutboxMessage.Create(OutboxChannels.Sms, AlertKind, now, user.Id, user.Phone, subject, body, headers));
        else if (user.Email is not null)
            db.Outbox.Add(OutboxMessage.Create(OutboxChannels.Email, AlertKind, now, user.Id, user.Email, subject, body, headers));
        db.Outbox.Add(OutboxMessage.Create(OutboxChannels.InApp, AlertKind, now, user.Id, null, subject, body, headers));
    }

    public void ResetCode(User user, string code, DateTime now)
    {
        var body = Text(user.Locale, "reset.code.body", code);
        var subject = Text(user.Locale, "reset.code.subject");
        if (user.Phone is not null) db.Outbox.Add(OutboxMessage.Create(OutboxChannels.Sms, CodeKind, now, user.Id, user.Phone, subject, body));
        else if (user.Email is not null) db.Outbox.Add(OutboxMessage.Create(OutboxChannels.Email, CodeKind, now, user.Id, user.Email, subject, body));
    }

    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
