namespace Voucherify.Core.Vouchers.Validity;

/// <summary>The contract's error keys for a voucher outside its time limits (SEMANTICS R8.1).</summary>
public static class ValidityFailures
{
    public const string NotActive = "voucher_not_active";

    public const string Expired = "voucher_expired";

    public const string NotActiveNow = "voucher_not_active_now";
}
