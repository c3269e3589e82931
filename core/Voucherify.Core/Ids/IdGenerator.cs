using System.Security.Cryptography;

namespace Voucherify.Core.Ids;

/// <summary>
/// Opaque ids with the contract's prefixes ("v_", "camp_", "r_" ...), random enough to never collide in practice.
/// Ids of 16 characters or more start with the time they were made and a count within its millisecond
/// (<see cref="IdStamps"/>), so ids made one after another in a process sort in the order made.
/// </summary>
/// <remarks>
/// Every store keeps its keys and lookups in B-trees ordered by id. Random ids put each new document on a random leaf
/// of every such index, so each write dirties a page of its own per index; ids that start with the time append, and a
/// group of writes shares those pages. The 5+ characters after the stamp stay random, so processes making ids in the
/// same millisecond do not collide either.
/// </remarks>
public static class IdGenerator
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // The time is written in an alphabet in byte order, so ordinal comparison (what SQLite and Cosmos DB use) sorts it.
    private const string SortedAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // 62^8 milliseconds is about 7,000 years.
    private const int TimeLength = 8;

    private const int StampLength = TimeLength + IdStamps.CountLength;

    private const int ShortestTimed = 16;

    private static readonly IdStamps Stamps = new();

    public static string New(string prefix, int randomLength = 24) => New(prefix, randomLength, DateTimeOffset.UtcNow, Stamps);

    /// <summary>
    /// As <see cref="New(string, int)"/>, for an id that only labels (a request id, for logs and support): its random part
    /// comes from <see cref="Random.Shared"/>, seeded by the OS once, instead of from the OS's generator on each call,
    /// which costs 2.3 µs through OpenSSL, a few per cent of a validate. As unique; predictable only from many of its
    /// outputs, which is no concern for a label that grants nothing.
    /// </summary>
    public static string NewLabel(string prefix, int randomLength = 24) => New(prefix, randomLength, DateTimeOffset.UtcNow, Stamps, label: true);

    internal static string New(string prefix, int randomLength, DateTimeOffset now, IdStamps stamps, bool label = false) =>
        string.Create(prefix.Length + randomLength, (prefix, stamp: randomLength < ShortestTimed ? (long?)null : stamps.Next(now), label), static (span, state) =>
        {
            state.prefix.AsSpan().CopyTo(span);
            var rest = span[state.prefix.Length..];
            if (state.stamp is { } stamp)
            {
                for (var i = StampLength - 1; i >= 0; i--)
                {
                    rest[i] = SortedAlphabet[(int)(stamp % SortedAlphabet.Length)];
                    stamp /= SortedAlphabet.Length;
                }

                rest = rest[StampLength..];
            }

            if (state.label)
            {
                Random.Shared.GetItems(Alphabet.AsSpan(), rest);
            }
            else
            {
                RandomNumberGenerator.GetItems(Alphabet, rest);
            }
        });
}
