using System.Security.Cryptography;

namespace Voucherify.Core.Ids;

/// <summary>Opaque ids with the contract's prefixes ("v_", "camp_", "r_" ...), random enough to never collide in practice.</summary>
public static class IdGenerator
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string New(string prefix, int randomLength = 24) =>
        prefix + RandomNumberGenerator.GetString(Alphabet, randomLength);
}
