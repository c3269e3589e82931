namespace Voucherify.Core.Errors;

/// <summary>Carries a contract error from the domain to the edge, which answers with it unchanged.</summary>
public sealed class ApiException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;
}
