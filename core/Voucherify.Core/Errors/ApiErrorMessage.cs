namespace Voucherify.Core.Errors;

public sealed record ApiErrorMessage(string Message);
