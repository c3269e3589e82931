namespace Voucherify.Core.Storage;

public enum ConditionOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    In,
    StartsWith,
    IsNull,
    IsNotNull,
}
