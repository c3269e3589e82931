using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Voucherify.Core.Ids;

namespace Voucherify.Core.Validations;

/// <summary>
/// A stable tracking id per customer (hashed, so it reveals nothing), or a fresh one for an anonymous
/// caller; a tracking id the caller sends is kept.
/// </summary>
public static class TrackingIds
{
    public static string For(JsonObject? customer, string? given)
    {
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        var identity = Text(customer, "source_id") ?? Text(customer, "id");
        if (identity is null)
        {
            return IdGenerator.New(IdPrefixes.Tracking, 24);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return IdPrefixes.Tracking + Convert.ToBase64String(hash, 0, 18);
    }

    public static string? CustomerId(JsonObject? customer) => Text(customer, "id");

    private static string? Text(JsonObject? customer, string name) =>
        customer?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
