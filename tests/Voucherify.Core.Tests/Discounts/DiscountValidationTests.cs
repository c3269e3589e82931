using System.Text.Json.Nodes;
using Voucherify.Core.Discounts;
using Voucherify.Core.Errors;

namespace Voucherify.Core.Tests.Discounts;

public sealed class DiscountValidationTests
{
    private static ApiError Refusal(string json) =>
        Assert.Throws<ApiException>(() => Discount.Parse(JsonNode.Parse(json))).Error;

    [Theory]
    [InlineData("""{"type":"AMOUNT","amount_off":1000}""")]
    [InlineData("""{"type":"AMOUNT","amount_off":1000,"effect":"APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY","aggregated_amount_limit":5000}""")]
    [InlineData("""{"type":"AMOUNT","amount_off_formula":"ORDER_AMOUNT * 0.1","is_dynamic":true}""")]
    [InlineData("""{"type":"PERCENT","percent_off":12.5,"amount_limit":600,"effect":"APPLY_TO_ITEMS"}""")]
    [InlineData("""{"type":"PERCENT","percent_off":100}""")]
    [InlineData("""{"type":"FIXED","fixed_amount":20000,"effect":"APPLY_TO_ORDER"}""")]
    [InlineData("""{"type":"FIXED","effect":"APPLY_TO_ITEMS"}""")]
    [InlineData("""{"type":"UNIT","unit_off":1,"unit_type":"prod_5h1pp1ng","effect":"ADD_MISSING_ITEMS"}""")]
    [InlineData("""{"type":"UNIT","unit_off":1.0,"unit_type":"prod_tee"}""")]
    [InlineData("""{"type":"UNIT","effect":"ADD_MANY_ITEMS","units":[{"unit_off":1,"unit_type":"prod_a","effect":"ADD_NEW_ITEMS"},{"unit_off":2,"unit_type":"sku_b","effect":"ADD_MISSING_ITEMS"}]}""")]
    [InlineData("""{"type":"AMOUNT","amount_off":1000.0}""")]
    public void Sound_definitions_of_every_variant_are_accepted(string json)
    {
        var discount = Discount.Parse(JsonNode.Parse(json));

        Assert.NotNull(discount.Type);
    }

    [Theory]
    [InlineData("""{"type":"BOGO","amount_off":1}""", "discount.type 'BOGO' is not supported")]
    [InlineData("""{"type":"amount","amount_off":1}""", "discount.type 'amount' is not supported")]
    [InlineData("""{"type":"AMOUNT"}""", "discount.amount_off is required for an AMOUNT discount")]
    [InlineData("""{"type":"PERCENT"}""", "discount.percent_off is required for a PERCENT discount")]
    [InlineData("""{"type":"FIXED","effect":"APPLY_TO_ORDER"}""", "discount.fixed_amount is required for a FIXED discount")]
    [InlineData("""{"type":"FIXED"}""", "discount.fixed_amount is required for a FIXED discount")]
    [InlineData("""{"type":"UNIT","unit_off":1}""", "discount.unit_type is required")]
    [InlineData("""{"type":"UNIT","unit_type":"prod_a"}""", "discount.unit_off is required")]
    [InlineData("""{"type":"UNIT","unit_type":"prod_a","unit_off":1.5}""", "discount.unit_off must be a whole number")]
    [InlineData("""{"type":"AMOUNT","amount_off":-1}""", "discount.amount_off must not be negative")]
    [InlineData("""{"type":"PERCENT","percent_off":-5}""", "discount.percent_off must not be negative")]
    [InlineData("""{"type":"PERCENT","percent_off":100.01}""", "discount.percent_off must be between 0 and 100")]
    [InlineData("""{"type":"PERCENT","percent_off":10,"amount_limit":-1}""", "discount.amount_limit must not be negative")]
    [InlineData("""{"type":"AMOUNT","amount_off":1,"aggregated_amount_limit":-1}""", "discount.aggregated_amount_limit must not be negative")]
    [InlineData("""{"type":"FIXED","fixed_amount":-1}""", "discount.fixed_amount must not be negative")]
    [InlineData("""{"type":"UNIT","unit_type":"prod_a","unit_off":-1}""", "discount.unit_off must not be negative")]
    [InlineData("""{"type":"PERCENT","percent_off":10,"effect":"APPLY_TO_ITEMS_BY_QUANTITY"}""", "discount.effect 'APPLY_TO_ITEMS_BY_QUANTITY' is not allowed for a PERCENT discount")]
    [InlineData("""{"type":"FIXED","fixed_amount":1,"effect":"APPLY_TO_ITEMS_PROPORTIONALLY"}""", "discount.effect 'APPLY_TO_ITEMS_PROPORTIONALLY' is not allowed for a FIXED discount")]
    [InlineData("""{"type":"AMOUNT","amount_off":1,"effect":"ADD_NEW_ITEMS"}""", "discount.effect 'ADD_NEW_ITEMS' is not allowed for an AMOUNT discount")]
    [InlineData("""{"type":"UNIT","unit_off":1,"unit_type":"p","effect":"APPLY_TO_ORDER"}""", "discount.effect 'APPLY_TO_ORDER' is not allowed for a UNIT discount")]
    [InlineData("""{"type":"UNIT","effect":"ADD_MANY_ITEMS"}""", "discount.units must list at least one unit")]
    [InlineData("""{"type":"UNIT","effect":"ADD_MANY_ITEMS","units":[]}""", "discount.units must list at least one unit")]
    [InlineData("""{"type":"UNIT","effect":"ADD_MANY_ITEMS","units":[{"unit_off":1,"unit_type":"a"},{"unit_off":1}]}""", "discount.units[1].unit_type is required")]
    [InlineData("""{"type":"UNIT","effect":"ADD_MANY_ITEMS","units":[{"unit_off":1,"unit_type":"a","effect":"ADD_MANY_ITEMS"}]}""", "discount.units[0].effect 'ADD_MANY_ITEMS' is not allowed")]
    [InlineData("""{"type":"UNIT","effect":"ADD_NEW_ITEMS","unit_off":1,"unit_type":"a","units":[{"unit_off":1,"unit_type":"a"}]}""", "discount.units is only allowed with effect ADD_MANY_ITEMS")]
    public void Flawed_definitions_are_invalid_payloads_that_name_the_flaw(string json, string expected)
    {
        var error = Refusal(json);

        Assert.Equal(400, error.Code);
        Assert.Equal("invalid_payload", error.Key);
        Assert.StartsWith(expected, error.Details);
    }

    [Theory]
    [InlineData("""{"type":"AMOUNT","amount_off":10.5}""", "amount_off")]
    [InlineData("""{"type":"PERCENT","percent_off":10,"amount_limit":99.9}""", "amount_limit")]
    [InlineData("""{"type":"FIXED","fixed_amount":"1000"}""", "fixed_amount")]
    [InlineData("""{"type":"AMOUNT","amount_off":1,"aggregated_amount_limit":1e30}""", "aggregated_amount_limit")]
    public void Money_that_is_not_an_integer_of_minor_units_is_an_invalid_payload_naming_the_field(string json, string field)
    {
        var error = Refusal(json);

        Assert.Equal("invalid_payload", error.Key);
        Assert.Contains(field, error.Details);
        Assert.Contains("minor units", error.Details);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"amount_off":1}""")]
    [InlineData("""{"type":"PERCENT","percent_off":"ten"}""")]
    public void Something_that_is_no_discount_object_is_an_invalid_payload(string json)
    {
        Assert.Equal("invalid_payload", Refusal(json).Key);
    }

    [Fact]
    public void A_discount_built_in_code_is_checked_by_Validate_too()
    {
        var discount = new Discount { Type = DiscountTypes.Percent, PercentOff = 150 };

        Assert.Equal("invalid_payload", Assert.Throws<ApiException>(() => discount.Validate()).Error.Key);
    }
}
