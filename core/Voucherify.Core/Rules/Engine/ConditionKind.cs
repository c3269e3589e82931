namespace Voucherify.Core.Rules.Engine;

/// <summary>The contract's condition operators this engine evaluates.</summary>
public enum ConditionKind
{
    Is,
    IsNot,
    In,
    NotIn,
    MoreThan,
    MoreThanOrEqual,
    LessThan,
    LessThanOrEqual,
    HasValue,
    IsUnknown,
    StartsWith,
    EndsWith,
    Contains,
    Count,
    CountMore,
    CountLess,
    After,
    Before,
}
