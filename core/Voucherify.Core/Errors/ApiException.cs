namespace Voucherify.Core.Errors;

/// <summary>Carries a contract error from the domain to the edge, which answers with it unchanged.</summary>
public sealed class ApiException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;

    /// <summary>Whole seconds a client should wait before trying again (the edge sends them as Retry-After); null: no advice.</summary>
    public int? RetryAfterSeconds { get; init; }
}
