using System.Text;
using System.Text.Json;
using Voucherify.Core.Json;
using Voucherify.Core.Validations;

namespace Voucherify.Core.Tests.Json;

public sealed class WireFastPathTests
{
    // Every field the answer and its nested objects can carry, with text the encoder treats specially (+, &, <, quotes,
    // non-ASCII, an emoji, a control character), timestamps, decimals, nulls inside metadata and nested metadata.
    private const string Full = """
        {
          "valid": true,
          "code": "SUMMER+&<10>",
          "applicable_to": {"data": [
            {"object": "product", "id": "prod_1", "source_id": "p&1", "product_id": "prod_0", "product_source_id": "p0",
             "strict": true, "price": 1999, "effect": "APPLY_TO_MOST_EXPENSIVE", "quantity_limit": 2,
             "aggregated_quantity_limit": 5, "amount_limit": 1000, "aggregated_amount_limit": 3000}]},
          "inapplicable_to": {"data": [{"object": "sku", "id": "sku_1"}]},
          "campaign": "Été \"2026\" 🎉",
          "campaign_id": "camp_1",
          "discount": {"type": "UNIT", "amount_off": 100, "amount_off_formula": "a+b", "percent_off": 12.5,
            "percent_off_formula": "x", "amount_limit": 5000, "aggregated_amount_limit": 9000, "fixed_amount": 700,
            "fixed_amount_formula": "y", "unit_off": 1.5, "unit_off_formula": "z", "unit_type": "prod_1",
            "effect": "ADD_MISSING_ITEMS",
            "units": [{"unit_off": 2, "unit_off_formula": "w", "effect": "ADD_NEW_ITEMS", "unit_type": "sku_1",
              "product": {"id": "prod_1", "source_id": "p1", "name": "Mug & co"}, "sku": {"id": "sku_1", "source_id": "s1"}}],
            "product": {"id": "prod_1", "source_id": "p1", "name": "Mug"}, "is_dynamic": false},
          "order": {
            "id": "ord_1", "source_id": "o+1", "created_at": "2026-11-27T08:18:15.085Z", "updated_at": "2026-11-27T09:00:00Z",
            "status": "PAID", "amount": 25000, "initial_amount": 26000, "discount_amount": 2500, "applied_discount_amount": 2500,
            "items": [
              {"object": "order_item", "id": "oi_1", "source_id": "prod_1", "related_object": "product", "product_id": "prod_1",
               "sku_id": "sku_1", "quantity": 2, "discount_quantity": 1, "applied_discount_quantity": 1, "initial_quantity": 1,
               "applied_quantity": 1, "amount": 15000, "discount_amount": 500, "applied_discount_amount": 500,
               "applied_quantity_amount": 7500, "initial_amount": 7500, "price": 7500,
               "product": {"id": "prod_1", "source_id": "p1", "override": true, "name": "Tee <XL>", "metadata": {"a": [1, null, "b"]}, "price": 7500},
               "sku": {"id": "sku_1", "source_id": "s1", "override": false, "sku": "Red", "price": 7500, "metadata": {}},
               "metadata": {"gift": true, "note": "line\u0001two"}},
              {"source_id": "prod_2", "quantity": 1, "price": 10000}
            ],
            "metadata": {"channel": "web & app", "nested": {"deep": [1.5, -2, 9007199254740993]}},
            "customer": {"id": "cust_1", "email": "a+b@example.com"},
            "customer_id": "cust_1",
            "referrer_id": "cust_2",
            "redemptions": {"r_1": {"date": "2026-11-27T08:18:15.085Z"}}
          },
          "tracking_id": "track_1",
          "metadata": {"k": "v", "n": null}
        }
        """;

    private const string Refused = """
        {"valid": false, "code": "X", "reason": "voucher expired",
         "error": {"code": 400, "key": "voucher_expired", "message": "Voucher expired", "details": "ends at …",
                   "request_id": "req_1"},
         "tracking_id": "track_2"}
        """;

    [Theory]
    [InlineData(Full)]
    [InlineData(Refused)]
    [InlineData("""{"code": "C", "tracking_id": "t"}""")]
    public void The_validate_answer_is_written_byte_for_byte_as_the_reflection_serializer_writes_it(string json)
    {
        var answer = JsonSerializer.Deserialize<VoucherValidationResponse>(json, Wire.Options)!;

        Assert.True(WireFastPath.TrySerialize(answer, out var fast));
        Assert.Equal(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(answer, Wire.Options)), Encoding.UTF8.GetString(fast));
    }

    [Fact]
    public void Two_answers_in_a_row_on_one_thread_are_each_whole()
    {
        var first = JsonSerializer.Deserialize<VoucherValidationResponse>(Full, Wire.Options)!;
        var second = JsonSerializer.Deserialize<VoucherValidationResponse>(Refused, Wire.Options)!;

        var a = Serialized(first);
        var b = Serialized(second);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(first, Wire.Options), a);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(second, Wire.Options), b);
    }

    [Fact]
    public void An_answer_larger_than_the_kept_buffer_is_whole_and_the_next_one_too()
    {
        var lines = string.Join(",", Enumerable.Range(1, 3000).Select(i => $$$"""{"source_id": "prod_{{{i}}}", "quantity": 1, "price": 100}"""));
        var large = JsonSerializer.Deserialize<VoucherValidationResponse>($$$"""{"code": "C", "tracking_id": "t", "order": {"amount": 300000, "items": [{{{lines}}}]}}""", Wire.Options)!;
        var small = JsonSerializer.Deserialize<VoucherValidationResponse>(Refused, Wire.Options)!;

        var a = Serialized(large);
        var b = Serialized(small);

        Assert.True(a.Length > 64 * 1024);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(large, Wire.Options), a);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(small, Wire.Options), b);
    }

    [Fact]
    public void Other_bodies_are_left_to_the_serializer() => Assert.False(WireFastPath.TrySerialize(new { code = "C" }, out _));

    // The bytes live in the thread's buffer until its next call, so each is copied out as the response writer does.
    private static byte[] Serialized(VoucherValidationResponse answer)
    {
        Assert.True(WireFastPath.TrySerialize(answer, out var json));
        return json.ToArray();
    }
}
