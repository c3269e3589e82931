using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>A change of an order and what that version adds to its customer's summary.</summary>
internal sealed record OrderVersion(DocumentChange Change, OrderContribution Order);
