namespace Voucherify.Infrastructure.Sqlite;

/// <summary>Which of a path's values its lookup column holds; any other value, or none, leaves the column NULL.</summary>
internal enum SqliteLookupType
{
    /// <summary>The value when it is a JSON string.</summary>
    Text,

    /// <summary>The value when it is a JSON number.</summary>
    Number,

    /// <summary>1 when the path holds anything but JSON null.</summary>
    Present,
}
