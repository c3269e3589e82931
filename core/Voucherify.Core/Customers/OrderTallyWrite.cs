using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>A tally document to bring up to <paramref name="Tally"/>; <paramref name="Exists"/> when one was read (it is patched, not created).</summary>
public sealed record OrderTallyWrite(DocumentKey Key, OrderContribution Tally, bool Exists);
