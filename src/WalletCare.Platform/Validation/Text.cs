using WalletCare.Platform.Errors;

namespace WalletCare.Platform.Validation;

/// <summary>
/// The one check every written text goes through (issue #16): a length limit that the 400 names, and no
/// control characters or bidi overrides — NUL and ESC break exports and terminals, U+202E makes
/// "gpj.exe" read as "exe.jpg" in a dossier. Newlines and tabs are allowed only in multi-line bodies.
/// </summary>
public static class Text
{
    public const string TooLong = "field.too_long";
    public const string ControlCharacters = "field.control_characters";

    /// <summary>The message key of what is wrong with <paramref name="value"/>, or null when it is fine.</summary>
    public static string? Problem(string? value, int max, bool required = true, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? "field.required" : null;
        if (value.Length > max) return FieldMessage.With(TooLong, max);
        return HasForbidden(value, multiline) ? ControlCharacters : null;
    }

    public static bool HasForbidden(string value, bool multiline)
    {
        foreach (var ch in value)
        {
            if (multiline && ch is '\n' or '\r' or '\t') continue;
            if (char.IsControl(ch) || IsBidiControl(ch)) return true;
        }
        return false;
    }

    /// <summary>Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).</summary>
    public static bool IsBidiControl(char ch) => ch is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Adds the field's error to <paramref name="errors"/>; returns the trimmed value (null when absent or wrong).</summary>
    public static string? Check(IDictionary<string, string[]> errors, string field, string? value, int max, bool required = true, bool multiline = false)
    {
        var p = Problem(value, max, required, multiline);
        if (p is not null) errors[field] = [p];
        return p is null ? value?.Trim() is { Length: > 0 } t ? t : null : null;
    }

    /// <summary>A required text, trimmed, or a 400 naming the field.</summary>
    public static string Require(string? value, string field, int max, bool multiline = false) =>
        Problem(value, max, true, multiline) is { } p ? throw AppProblem.Validation(field, p) : value!.Trim();

    /// <summary>An optional text: null when blank, else trimmed, or a 400 naming the field.</summary>
    public static string? Optional(string? value, string field, int max, bool multiline = false) =>
        Problem(value, max, false, multiline) is { } p ? throw AppProblem.Validation(field, p)
            : string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
