namespace Voucherify.Core.Rules;

/// <summary>A rule attached to a voucher or campaign; stored in the partition of the object it is attached to, so validation reads them with one query.</summary>
public sealed record ValidationRuleAssignment
{
    public required string Id { get; init; }

    public required string RuleId { get; init; }

    public required string RelatedObjectId { get; init; }

    public required string RelatedObjectType { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string Object { get; init; } = "validation_rules_assignment";
}
