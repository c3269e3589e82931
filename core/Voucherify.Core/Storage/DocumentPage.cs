namespace Voucherify.Core.Storage;

/// <summary>One page of a query; Continuation is null on the last page.</summary>
public sealed record DocumentPage(IReadOnlyList<StoredDocument> Items, string? Continuation);
