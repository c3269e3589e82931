using Voucherify.Core.Errors;

namespace Voucherify.Core.Validations;

/// <summary>Why a voucher cannot be used now: the contract's key, message and explanation.</summary>
public sealed record Failure(string Key, string Message, string? Explanation)
{
    public ApiError ToError(int status, string details) =>
        new(status, Key, Message) { Details = details, Error = Explanation is null ? null : new ApiErrorMessage(Explanation) };
}
