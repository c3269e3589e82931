using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Data.Sqlite;

namespace Voucherify.Infrastructure.Storage;

/// <summary>
/// Which failures of a store say "busy, try again" rather than "broken": SQLite still locked by another writer after its
/// busy timeout, Cosmos DB out of request units after the SDK's own retries, unavailable, or timing out. The API answers
/// those 503 with Retry-After, which clients and SDKs retry, instead of a 500.
/// </summary>
public static class StoreFailures
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(1);

    /// <returns>How long to wait before retrying, or null when the failure is not a passing one.</returns>
    public static TimeSpan? RetryAfter(Exception exception) => exception switch
    {
        // SQLITE_BUSY and SQLITE_LOCKED (primary codes; extended ones carry them in the low byte).
        SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is 5 or 6 => DefaultWait,
        CosmosException { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout } cosmos =>
            cosmos.RetryAfter is { } wait && wait > TimeSpan.Zero ? wait : DefaultWait,
        _ => null,
    };
}
