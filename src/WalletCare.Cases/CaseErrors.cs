namespace WalletCare.Cases;

public static class CaseErrors
{
    public const string InvalidTransition = "INVALID_STATUS_TRANSITION";
    public const string ReopenWindowPassed = "REOPEN_WINDOW_PASSED";
    public const string AlreadyEscalated = "ALREADY_ESCALATED";
    public const string ExtensionUsed = "REGULATORY_EXTENSION_USED";
    public const string AttachmentType = "ATTACHMENT_TYPE_NOT_ALLOWED";
    public const string AttachmentTooLarge = "ATTACHMENT_TOO_LARGE";
    public const string SurveyNotOpen = "SURVEY_NOT_AVAILABLE";
    public const string SurveyDone = "SURVEY_ALREADY_SUBMITTED";
    public const string CaseClosed = "CASE_CLOSED";
    public const string MergeInvalid = "MERGE_NOT_ALLOWED";
    public const string EvidenceFileMissing = "EVIDENCE_FILE_MISSING";
    public const string EvidenceFileCorrupt = "EVIDENCE_FILE_CORRUPT";
}
