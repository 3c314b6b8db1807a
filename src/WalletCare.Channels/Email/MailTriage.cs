using MimeKit;

namespace WalletCare.Channels.Email;

/// <summary>
/// Mail that no person wrote: auto-replies (RFC 3834 Auto-Submitted, X-Autoreply, vacation responders),
/// bulk and list mail (Precedence), bounces (null sender, multipart/report DSNs, mailer-daemon). Such mail
/// never opens a case and never gets an answer — answering it is how mail loops start.
/// </summary>
public static class MailTriage
{
    public static string? MachineReason(MimeMessage m)
    {
        var auto = m.Headers[HeaderId.AutoSubmitted];
        if (!string.IsNullOrWhiteSpace(auto) && !auto.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase)) return "auto_submitted";
        var precedence = m.Headers["Precedence"]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list" or "auto_reply") return "precedence";
        if (m.Headers.Contains("X-Autoreply") || m.Headers.Contains("X-Autorespond")) return "autoreply";
        if (m.Headers.Contains("List-Id") || m.Headers.Contains("List-Unsubscribe")) return "list";
        var returnPath = m.Headers[HeaderId.ReturnPath]?.Trim();
        if (returnPath is "<>" or "") return "null_sender";
        if (m.Body is MultipartReport || m.Body?.ContentType.IsMimeType("multipart", "report") == true) return "dsn";
        var from = m.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        if (from.Length == 0) return "null_sender";
        var local = from.Split('@')[0].ToLowerInvariant();
        if (local is "mailer-daemon" or "postmaster" or "noreply" or "no-reply" or "donotreply") return "system_sender";
        return null;
    }
}
