using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Rules.Budgets;

/// <summary>
/// Counter documents budget rules read and move: one per campaign (or standalone voucher), one per customer and
/// voucher or campaign a per-customer rule is assigned to. Each is its own partition, so one guarded patch is atomic on it.
/// </summary>
public static class RuleCounterKeys
{
    public const string Kind = "rule_counter";
    public const string RedemptionsCount = "redemptions_count";
    public const string DiscountedAmount = "discounted_amount";
    public const string OrdersAmount = "orders_amount";

    public static string Campaign(string campaignOrVoucherId) => campaignOrVoucherId;

    public static string Customer(string relatedObjectId, string customerKey) => $"{relatedObjectId}|{customerKey}";

    public static DocumentKey For(Project project, string counterId) => new(project.Id, Kind, counterId, counterId);

    public static DocumentKey For(string projectId, string counterId) => new(projectId, Kind, counterId, counterId);
}
