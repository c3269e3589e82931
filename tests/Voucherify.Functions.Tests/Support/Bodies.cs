using System.Text.Json.Nodes;

namespace Voucherify.Functions.Tests.Support;

/// <summary>Request bodies the tests share, written as a shop would send them.</summary>
public static class Bodies
{
    public static JsonObject AmountVoucher(string code, long amountOff = 1000, long? quantity = null) => new()
    {
        ["code"] = code,
        ["type"] = "DISCOUNT_VOUCHER",
        ["discount"] = new JsonObject { ["type"] = "AMOUNT", ["amount_off"] = amountOff },
        ["redemption"] = new JsonObject { ["quantity"] = quantity },
    };

    public static JsonObject PercentVoucher(string code, decimal percentOff, long? amountLimit = null) => new()
    {
        ["code"] = code,
        ["type"] = "DISCOUNT_VOUCHER",
        ["discount"] = new JsonObject { ["type"] = "PERCENT", ["percent_off"] = percentOff, ["amount_limit"] = amountLimit },
    };

    public static JsonObject Order(long amount) => new() { ["order"] = new JsonObject { ["amount"] = amount } };

    public static JsonObject Campaign(string name, long count, string pattern = "CP-####", long? quantity = null) => new()
    {
        ["name"] = name,
        ["campaign_type"] = "DISCOUNT_COUPONS",
        ["type"] = "AUTO_UPDATE",
        ["vouchers_count"] = count,
        ["voucher"] = new JsonObject
        {
            ["type"] = "DISCOUNT_VOUCHER",
            ["discount"] = new JsonObject { ["type"] = "PERCENT", ["percent_off"] = 10 },
            ["redemption"] = new JsonObject { ["quantity"] = quantity },
            ["code_config"] = new JsonObject { ["pattern"] = pattern },
        },
    };
}
