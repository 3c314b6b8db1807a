namespace WalletCare.Platform.Errors;

/// <summary>
/// A failure with a stable machine code that the API turns into RFC 9457 problem details.
/// Title and detail are looked up in the registered error resources by code, in the
/// request's language; <see cref="Args"/> fill the placeholders of the detail text.
/// </summary>
public class AppProblem : Exception
{
    public AppProblem(string code, int status = 400, params object[] args) : base(code)
    {
        Code = code;
        Status = status;
        Args = args;
    }

    public AppProblem() : this("ERROR") { }
    public AppProblem(string message) : this(message, 400) { }
    public AppProblem(string message, Exception inner) : base(message, inner) { Code = message; Status = 500; Args = []; }

    public string Code { get; }
    public int Status { get; }
    public object[] Args { get; }
    public IDictionary<string, string[]>? FieldErrors { get; init; }
    public IDictionary<string, object?>? Extensions { get; init; }

    public static AppProblem NotFound() => new(ErrorCodes.NotFound, 404);
    public static AppProblem Forbidden() => new(ErrorCodes.Forbidden, 403);
    public static AppProblem Conflict(string code = ErrorCodes.Conflict) => new(code, 409);
    public static AppProblem Validation(IDictionary<string, string[]> errors) =>
        new(ErrorCodes.ValidationFailed, 400) { FieldErrors = errors };
    public static AppProblem Validation(string field, string messageKey) =>
        Validation(new Dictionary<string, string[]> { [field] = [messageKey] });
}

/// <summary>Codes shared by every area. Areas add their own (e.g. CARD_EXPIRED) with resource text.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string MalformedRequest = "MALFORMED_REQUEST";
    public const string NotFound = "NOT_FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Conflict = "CONFLICT";
    public const string ConcurrencyConflict = "CONCURRENCY_CONFLICT";
    public const string IdempotencyKeyRequired = "IDEMPOTENCY_KEY_REQUIRED";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string IdempotencyInProgress = "IDEMPOTENCY_IN_PROGRESS";
    public const string DuplicateRequest = "DUPLICATE_REQUEST";
    public const string TooManyRequests = "TOO_MANY_REQUESTS";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string AccountLocked = "ACCOUNT_LOCKED";
    public const string AntiforgeryFailed = "ANTIFORGERY_FAILED";
    public const string InternalError = "INTERNAL_ERROR";
}
