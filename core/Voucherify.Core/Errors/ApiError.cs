namespace Voucherify.Core.Errors;

/// <summary>The contract's Error object. Code is the HTTP status; Key is the stable machine name.</summary>
public sealed record ApiError(int Code, string Key, string Message)
{
    public string? Details { get; init; }

    public string? RequestId { get; init; }

    public string? ResourceId { get; init; }

    public string? ResourceType { get; init; }

    /// <summary>A validation rule's custom error message, when one applies.</summary>
    public ApiErrorMessage? Error { get; init; }
}
