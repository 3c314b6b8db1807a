using WalletCare.Platform.Errors;
namespace WalletCare.Cases;

public static class CaseErrors
{
    public static readonly ErrorCode InvalidTransition = new("INVALID_STATUS_TRANSITION", 409);
    public static readonly ErrorCode ReopenWindowPassed = new("REOPEN_WINDOW_PASSED", 409);
    public static readonly ErrorCode AlreadyEscalated = new("ALREADY_ESCALATED", 409);
    public static readonly ErrorCode ExtensionUsed = new("REGULATORY_EXTENSION_USED", 409);
    public static readonly ErrorCode AttachmentType = new("ATTACHMENT_TYPE_NOT_ALLOWED", 415);
    public static readonly ErrorCode AttachmentActiveContent = new("ATTACHMENT_ACTIVE_CONTENT", 415);
    public static readonly ErrorCode AttachmentTooLarge = new("ATTACHMENT_TOO_LARGE", 413);
    public static readonly ErrorCode SurveyNotOpen = new("SURVEY_NOT_AVAILABLE", 409);
    public static readonly ErrorCode SurveyDone = new("SURVEY_ALREADY_SUBMITTED", 409);
    public static readonly ErrorCode CaseClosed = new("CASE_CLOSED", 409);
    public static readonly ErrorCode MergeInvalid = new("MERGE_NOT_ALLOWED", 409);
    public static readonly ErrorCode EvidenceFileMissing = new("EVIDENCE_FILE_MISSING", 410);
    public static readonly ErrorCode EvidenceFileCorrupt = new("EVIDENCE_FILE_CORRUPT", 410);
}
