using System.Globalization;

namespace Voucherify.Core.Json;

/// <summary>
/// The single text form of an instant (UTC, milliseconds, 'Z'). Stored timestamps use it too, so
/// they compare correctly as strings in either store.
/// </summary>
public static class Timestamps
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
