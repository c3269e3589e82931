using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Discounts;
using Voucherify.Core.Json;

namespace Voucherify.Core.Tests.Discounts;

public sealed class DiscountWireTests
{
    [Theory]
    [InlineData("""{"type":"AMOUNT","amount_off":1000,"effect":"APPLY_TO_ORDER"}""")]
    [InlineData("""{"type":"PERCENT","percent_off":12.5,"amount_limit":600,"aggregated_amount_limit":2000,"effect":"APPLY_TO_ITEMS"}""")]
    [InlineData("""{"type":"FIXED","fixed_amount":20000,"fixed_amount_formula":"ORDER_AMOUNT","effect":"APPLY_TO_ORDER","is_dynamic":true}""")]
    [InlineData("""{"type":"UNIT","unit_off":1,"unit_type":"prod_5h1pp1ng","effect":"ADD_MISSING_ITEMS","product":{"id":"prod_5h1pp1ng","source_id":"5h1pp1ng","name":"Shipping"}}""")]
    [InlineData("""{"type":"UNIT","unit_off":3,"unit_type":"sku_0b661e41fc8d35a8f8","effect":"ADD_NEW_ITEMS","sku":{"id":"sku_0b661e41fc8d35a8f8","source_id":"M0E20000000ELDH","sku":"Casual jacket"}}""")]
    [InlineData("""{"type":"UNIT","effect":"ADD_MANY_ITEMS","units":[{"unit_off":1,"effect":"ADD_MISSING_ITEMS","unit_type":"prod_red"},{"unit_off":1,"effect":"ADD_NEW_ITEMS","unit_type":"prod_blue"}]}""")]
    public void A_discount_is_written_back_with_the_fields_it_was_given_and_no_others(string json)
    {
        var discount = Discount.Parse(JsonNode.Parse(json));

        var written = JsonSerializer.SerializeToNode(discount, Wire.Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), written!.ToJsonString());
    }
}
