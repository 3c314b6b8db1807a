using WalletCare.Platform.Errors;

namespace WalletCare.Help;

public static class HelpErrors
{
    public static readonly ErrorCode ArticleExists = new("HELP_ARTICLE_EXISTS", 409);
    public static readonly ErrorCode PublishNotAllowed = new("HELP_PUBLISH_NOT_ALLOWED", 403);
    public static readonly ErrorCode UnknownTopic = new("HELP_UNKNOWN_TOPIC", 422);
}
