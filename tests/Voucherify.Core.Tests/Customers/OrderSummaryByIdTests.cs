using Voucherify.Core.ChangeFeed;

namespace Voucherify.Core.Tests.Customers;

/// <summary>The order summary on a feed that folds versions (Cosmos DB): it remembers the versions it applied by order.</summary>
public sealed class OrderSummaryByIdTests() : OrderSummaryTests(ChangeFeedOrder.LatestVersions);
