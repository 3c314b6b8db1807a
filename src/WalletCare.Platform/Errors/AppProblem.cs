namespace WalletCare.Platform.Errors;

/// <summary>
/// A failure with a stable machine code that the API turns into RFC 9457 problem details.
/// Title and detail are looked up in the registered error resources by code, in the
/// request's language; <see cref="Args"/> fill the placeholders of the detail text.
/// </summary>
public class AppProblem : Exception
{
    public AppProblem(ErrorCode error, params object[] args) : base(error.Code)
    {
        Code = error.Code;
        Status = error.Status;
        Args = args;
    }

    public AppProblem() : this(ErrorCodes.InternalError) { }
    public AppProblem(string message) : this(ErrorCodes.InternalError) { _ = message; }
    public AppProblem(string message, Exception inner) : base(message, inner) { Code = ErrorCodes.InternalError.Code; Status = 500; Args = []; }

    public string Code { get; }
    public int Status { get; }
    public object[] Args { get; }
    public IDictionary<string, string[]>? FieldErrors { get; init; }
    public IDictionary<string, object?>? Extensions { get; init; }

    public static AppProblem NotFound() => new(ErrorCodes.NotFound);
    public static AppProblem Forbidden() => new(ErrorCodes.Forbidden);
    public static AppProblem Conflict(ErrorCode? code = null) => new(code ?? ErrorCodes.Conflict);
    public static AppProblem Validation(IDictionary<string, string[]> errors) =>
        new(ErrorCodes.ValidationFailed) { FieldErrors = errors };
    public static AppProblem Validation(string field, string messageKey) =>
        Validation(new Dictionary<string, string[]> { [field] = [messageKey] });
}

/// <summary>Codes shared by every area. Areas add their own (e.g. CARD_EXPIRED) with resource text.</summary>
public static class ErrorCodes
{
    public static readonly ErrorCode ValidationFailed = new("VALIDATION_FAILED", 400);
    public static readonly ErrorCode MalformedRequest = new("MALFORMED_REQUEST", 400);
    public static readonly ErrorCode NotFound = new("NOT_FOUND", 404);
    public static readonly ErrorCode Forbidden = new("FORBIDDEN", 403);
    public static readonly ErrorCode Unauthenticated = new("UNAUTHENTICATED", 401);
    public static readonly ErrorCode Conflict = new("CONFLICT", 409);
    public static readonly ErrorCode ConcurrencyConflict = new("CONCURRENCY_CONFLICT", 409);
    public static readonly ErrorCode IdempotencyKeyRequired = new("IDEMPOTENCY_KEY_REQUIRED", 400);
    public static readonly ErrorCode IdempotencyKeyReused = new("IDEMPOTENCY_KEY_REUSED", 409);
    public static readonly ErrorCode IdempotencyInProgress = new("IDEMPOTENCY_IN_PROGRESS", 409);
    public static readonly ErrorCode DuplicateRequest = new("DUPLICATE_REQUEST", 409);
    public static readonly ErrorCode TooManyRequests = new("TOO_MANY_REQUESTS", 429);
    public static readonly ErrorCode InvalidCredentials = new("INVALID_CREDENTIALS", 401);
    public static readonly ErrorCode AccountLocked = new("ACCOUNT_LOCKED", 423);
    public static readonly ErrorCode AntiforgeryFailed = new("ANTIFORGERY_FAILED", 400);
    public static readonly ErrorCode InternalError = new("INTERNAL_ERROR", 500);
    public static readonly ErrorCode PayloadTooLarge = new("PAYLOAD_TOO_LARGE", 413);
    public static readonly ErrorCode UnsupportedMediaType = new("UNSUPPORTED_MEDIA_TYPE", 415);
}
