using System.Globalization;

namespace WalletCare.Platform.Errors;

/// <summary>
/// A field error is a message key; one that needs a value in its text ("at most {0} characters") carries it
/// after a '|' — field errors stay plain strings, so every existing check and test keeps working.
/// </summary>
public static class FieldMessage
{
    public static string With(string key, params object[] args) =>
        key + "|" + string.Join('|', args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)));

    public static (string Key, object[] Args) Parse(string message)
    {
        var parts = message.Split('|');
        return (parts[0], parts[1..]);
    }
}
