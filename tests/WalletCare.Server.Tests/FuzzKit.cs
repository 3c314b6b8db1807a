using System.Text;
using System.Text.Json;
using WalletCare.Testing;

namespace WalletCare.Server.Tests;

/// <summary>One write operation of the OpenAPI document, with the properties its JSON body declares.</summary>
internal sealed record FuzzOperation(string Method, string Path, IReadOnlyDictionary<string, string> Properties, bool Multipart)
{
    public string Key => $"{Method} {Path}";
}

internal static class FuzzOperations
{
    private static readonly string[] Writes = ["post", "put", "patch", "delete"];

    public static List<FuzzOperation> From(JsonElement doc)
    {
        var schemas = doc.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        var ops = new List<FuzzOperation>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject().Where(o => Writes.Contains(o.Name)))
            {
                var props = new Dictionary<string, string>();
                var multipart = false;
                if (op.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    multipart = content.TryGetProperty("multipart/form-data", out _);
                    foreach (var media in content.EnumerateObject())
                        if (media.Value.TryGetProperty("schema", out var schema)) Collect(Resolve(schema, schemas), schemas, props);
                }
                ops.Add(new FuzzOperation(op.Name.ToUpperInvariant(), path.Name, props, multipart));
            }
        return ops;
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var r) && schemas.ValueKind == JsonValueKind.Object
            ? schemas.GetProperty(r.GetString()!.Split('/')[^1]) : schema;

    private static void Collect(JsonElement schema, JsonElement schemas, Dictionary<string, string> props)
    {
        if (!schema.TryGetProperty("properties", out var p)) return;
        foreach (var prop in p.EnumerateObject())
        {
            var t = Resolve(prop.Value, schemas);
            var kind = t.TryGetProperty("type", out var type) ? type.ValueKind == JsonValueKind.Array
                ? string.Join(',', type.EnumerateArray().Select(x => x.GetString())) : type.GetString() ?? "" : "object";
            props[prop.Name] = t.TryGetProperty("format", out var format) ? kind + ":" + format.GetString() : kind;
        }
    }
}

/// <summary>The hostile bodies: each is sent to every operation, whatever it declares.</summary>
internal static class FuzzBodies
{
    private const string Hostile = "a\u0000b\u001B[31mc\u202Eexe.jpg\u2066";
    private static readonly string Deep = new string('[', 5000) + new string(']', 5000);

    public static IEnumerable<(string Label, byte[]? Body, string Type)> For(FuzzOperation op)
    {
        const string json = "application/json";
        yield return ("no body", null, json);
        yield return ("empty body", [], json);
        yield return ("malformed JSON", Utf8("{\"reason\": \"x\""), json);
        yield return ("not JSON", Utf8("reason=x&amountMinor=1"), json);
        yield return ("JSON null", Utf8("null"), json);
        yield return ("JSON array", Utf8("[1,2,3]"), json);
        yield return ("deep nesting", Utf8(Deep), json);
        yield return ("deep nesting in a field", Utf8("{\"reason\":" + string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000) + "}"), json);
        yield return ("1 MB string", Utf8(JsonSerializer.Serialize(All(op, _ => new string('x', 1024 * 1024)))), json);
        yield return ("60 KB strings", Utf8(JsonSerializer.Serialize(All(op, t => t.Contains("string") ? new string('長', 20_000) : 1))), json);
        yield return ("every field the wrong type", Utf8(JsonSerializer.Serialize(All(op, t => t.Contains("string") ? 100 : "100"))), json);
        yield return ("objects for everything", Utf8(JsonSerializer.Serialize(All(op, _ => new { a = 1 }))), json);
        yield return ("negative numbers", Utf8(JsonSerializer.Serialize(All(op, _ => -1))), json);
        yield return ("overflow numbers", Utf8("{" + string.Join(',', Names(op).Select(n => $"\"{n}\":92233720368547758080")) + "}"), json);
        yield return ("huge exponent", Utf8("{" + string.Join(',', Names(op).Select(n => $"\"{n}\":1e400")) + "}"), json);
        yield return ("control characters", Utf8(JsonSerializer.Serialize(All(op, WellTypedWith(Hostile)))), json);
        yield return ("bidi override only", Utf8(JsonSerializer.Serialize(All(op, WellTypedWith("收据\u202Egpj.exe")))), json);
        yield return ("text/plain", Utf8("hello"), "text/plain");
        if (op.Multipart) yield return ("multipart without a file", Utf8("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n"), "multipart/form-data; boundary=b");
    }

    /// <summary>Every field well-typed (ids, dates, numbers, flags) except that each text carries <paramref name="text"/>, so the text check is what answers.</summary>
    private static Func<string, object> WellTypedWith(string text) => t =>
        t.Contains(":uuid") ? Guid.NewGuid() : t.Contains(":date") ? "2026-11-24T00:00:00Z" : t.Contains("string") ? text
            : t.Contains("boolean") ? true : t.Contains("array") ? Array.Empty<object>() : 1;

    private static IEnumerable<string> Names(FuzzOperation op) => op.Properties.Count > 0 ? op.Properties.Keys : ["reason", "amountMinor", "body"];

    private static Dictionary<string, object> All(FuzzOperation op, Func<string, object> value) =>
        (op.Properties.Count > 0 ? op.Properties : new Dictionary<string, string> { ["reason"] = "string", ["amountMinor"] = "integer" })
            .ToDictionary(p => p.Key, p => value(p.Value));

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}

/// <summary>Real ids where they are easy to have (the customer's own case, card and transaction), random GUIDs elsewhere.</summary>
internal sealed class FuzzIds
{
    private readonly Dictionary<string, string> _byPrefix = new(StringComparer.Ordinal);

    public static async Task<FuzzIds> ReadAsync(HttpClient customer)
    {
        var ids = new FuzzIds();
        var cases = (await (await customer.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items");
        if (cases.GetArrayLength() > 0)
        {
            var id = cases[0].GetProperty("id").GetString()!;
            ids._byPrefix["/api/v1/complaints/"] = id;
            ids._byPrefix["/api/v1/agent/tickets/"] = id;
        }
        var cards = await (await customer.GetAsync("/api/v1/wallet/cards")).ExpectAsync(200);
        if (cards.ValueKind == JsonValueKind.Array && cards.GetArrayLength() > 0) ids._byPrefix["/api/v1/wallet/cards/"] = cards[0].GetProperty("id").GetString()!;
        return ids;
    }

    public string Fill(string path)
    {
        var sb = new StringBuilder();
        foreach (var segment in path.Split('/'))
        {
            if (sb.Length > 0 || segment.Length > 0) sb.Append('/');
            if (!segment.StartsWith('{')) { sb.Append(segment); continue; }
            var prefix = sb.ToString();
            sb.Append(segment.Contains("date", StringComparison.OrdinalIgnoreCase) ? "2026-12-01"
                : _byPrefix.TryGetValue(prefix, out var id) ? id : Guid.NewGuid().ToString());
        }
        return sb.ToString();
    }
}
