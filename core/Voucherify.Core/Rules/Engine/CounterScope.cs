namespace Voucherify.Core.Rules.Engine;

/// <summary>Which counter document a budget rule reads: the campaign's (or standalone voucher's), or the customer's on the assigned object.</summary>
public enum CounterScope
{
    Campaign,
    Customer,
}
