namespace Voucherify.Core.AsyncActions;

/// <summary>The 202 body of every asynchronous endpoint.</summary>
public sealed record AsyncActionAccepted(string AsyncActionId);
