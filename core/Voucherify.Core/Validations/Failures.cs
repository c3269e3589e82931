namespace Voucherify.Core.Validations;

/// <summary>The failure reasons of SEMANTICS §8 and §9, worded as the contract's examples word them.</summary>
public static class Failures
{
    public static Failure Disabled { get; } = new("voucher_disabled", "voucher is disabled", "The voucher has been disabled and cannot be used.");

    public static Failure CampaignDisabled { get; } = new("voucher_disabled", "voucher is disabled", "The voucher's campaign has been disabled.");

    public static Failure NotActiveYet { get; } = new("voucher_not_active", "voucher not active", "The voucher is not active yet.");

    public static Failure Expired { get; } = new("voucher_expired", "voucher expired", "The voucher has expired.");

    public static Failure NotActiveNow { get; } = new("voucher_not_active_now", "voucher not active now", "The voucher is not active in the given timeframe.");

    public static Failure QuantityExceeded { get; } = new("quantity_exceeded", "quantity exceeded", "The voucher has been redeemed the maximum number of times.");

    public static Failure NotFound { get; } = new("not_found", "Resource not found", "The voucher does not exist.");

    public static Failure ForScheduleKey(string key) => key switch
    {
        "voucher_not_active" => NotActiveYet,
        "voucher_expired" => Expired,
        _ => NotActiveNow,
    };
}
