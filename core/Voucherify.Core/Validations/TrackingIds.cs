using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Voucherify.Core.Caching;
using Voucherify.Core.Ids;
using Voucherify.Core.Json;

namespace Voucherify.Core.Validations;

/// <summary>
/// A stable tracking id per customer (hashed, so it reveals nothing), or a fresh one for an anonymous
/// caller; a tracking id the caller sends is kept.
/// </summary>
public static class TrackingIds
{
    // Every validate and redeem of a known customer hashes its identity again (through OpenSSL, a few per cent of a
    // validate); the hash depends on the identity alone.
    private static readonly BoundedMemo<string, string> Hashed = new(
        100_000,
        static identity => IdPrefixes.Tracking + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(identity)), 0, 18));

    public static string For(JsonObject? customer, string? given)
    {
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        var identity = JsonText.Of(customer, "source_id") ?? JsonText.Of(customer, "id");
        if (identity is null)
        {
            return IdGenerator.New(IdPrefixes.Tracking, 24);
        }

        return Hashed.Get(identity);
    }

    public static string? CustomerId(JsonObject? customer) => JsonText.Of(customer, "id");
}
