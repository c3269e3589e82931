using System.Globalization;

namespace Voucherify.Core.Storage;

/// <summary>
/// The store owns <c>created_at</c> and <c>updated_at</c>: every store writes them into the body on
/// every write, in this one format, so that ordering and filtering by them are plain body paths
/// (the default <see cref="DocumentQuery.OrderBy"/>) and the body can go out on the wire as it is.
/// The format is the API's (UTC, milliseconds, fixed width), so string order is time order.
/// </summary>
public static class DocumentTimestamps
{
    public const string CreatedAtPath = "created_at";

    public const string UpdatedAtPath = "updated_at";

    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Drops what the wire format cannot carry, so a timestamp reads back exactly as it was written.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string Format(DateTimeOffset instant) =>
        Truncate(instant).UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, WireFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
