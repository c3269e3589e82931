using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Metadata;

/// <summary>Metadata schemas through the API, and every covered write refused with nothing written when it breaks one.</summary>
public sealed class MetadataSchemaApiTests : HostedApiTest
{
    private static JsonObject Schema(string relatedObject) => new()
    {
        ["related_object"] = relatedObject,
        ["allow_defined_only"] = false,
        ["properties"] = new JsonObject
        {
            ["tier"] = new JsonObject { ["type"] = "string", ["array"] = false, ["optional"] = false, ["eq"] = new JsonArray("gold", "silver") },
        },
    };

    private static JsonObject Tier(string tier) => new() { ["tier"] = tier };

    [Fact]
    public async Task Schemas_are_created_read_listed_replaced_and_deleted()
    {
        var created = (await host.Server.PostAsync("/v1/metadata-schemas", Schema("customer"))).Expect(HttpStatusCode.OK);
        Assert.StartsWith("ms_", created.Str("id"));
        Assert.Equal("metadata_schema", created.Str("object"));
        (await host.Server.PostAsync("/v1/metadata-schemas", Schema("customer"))).ExpectError(HttpStatusCode.Conflict, "duplicate_found");
        var list = (await host.Server.GetJsonAsync("/v1/metadata-schemas")).Expect(HttpStatusCode.OK);
        Assert.Equal("schemas", list.Str("data_ref"));
        Assert.Equal("customer", list.Str("schemas.0.related_object"));
        Assert.Equal("string", (await host.Server.GetJsonAsync("/v1/metadata-schemas/customer")).Expect(HttpStatusCode.OK).Str("properties.tier.type"));

        var replaced = Schema("customer");
        replaced["properties"]!["tier"]!["type"] = "number";
        replaced["properties"]!["tier"]!.AsObject().Remove("eq");
        Assert.Equal("number", (await host.Server.PutAsync("/v1/metadata-schemas/customer", replaced)).Expect(HttpStatusCode.OK).Str("properties.tier.type"));
        (await host.Server.DeleteJsonAsync("/v1/metadata-schemas/customer")).Expect(HttpStatusCode.NoContent);
        (await host.Server.GetJsonAsync("/v1/metadata-schemas/customer")).ExpectError(HttpStatusCode.NotFound, "not_found");

        var badType = Schema("order");
        badType["properties"]!["tier"]!["type"] = "color";
        (await host.Server.PostAsync("/v1/metadata-schemas", badType)).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");
        (await host.OtherProject.GetJsonAsync("/v1/metadata-schemas/order")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("customer", "/v1/customers", "source_id")]
    [InlineData("product", "/v1/products", "source_id")]
    [InlineData("order", "/v1/orders", "source_id")]
    public async Task A_sourced_object_breaking_its_schema_is_400_and_not_written(string relatedObject, string path, string key)
    {
        (await host.Server.PostAsync("/v1/metadata-schemas", Schema(relatedObject))).Expect(HttpStatusCode.OK);
        var refused = (await host.Server.PostAsync(path, new JsonObject { [key] = "s1", ["metadata"] = Tier("bronze") })).ExpectError(HttpStatusCode.BadRequest, "metadata_validation_failed");
        Assert.Contains("tier", refused.Str("details"));
        (await host.Server.PostAsync(path, new JsonObject { [key] = "s1" })).ExpectError(HttpStatusCode.BadRequest, "metadata_validation_failed");
        (await host.Server.GetJsonAsync($"{path}/s1")).ExpectError(HttpStatusCode.NotFound, "not_found");

        (await host.Server.PostAsync(path, new JsonObject { [key] = "s1", ["metadata"] = Tier("gold") })).Expect(HttpStatusCode.OK);
        (await host.Server.PutAsync($"{path}/s1", new JsonObject { ["metadata"] = Tier("tin") })).ExpectError(HttpStatusCode.BadRequest, "metadata_validation_failed");
        Assert.Equal("gold", (await host.Server.GetJsonAsync($"{path}/s1")).Expect(HttpStatusCode.OK).Str("metadata.tier"));
    }

    [Fact]
    public async Task Vouchers_and_campaigns_breaking_their_schema_are_400_and_not_written()
    {
        (await host.Server.PostAsync("/v1/metadata-schemas", Schema("voucher"))).Expect(HttpStatusCode.OK);
        (await host.Server.PostAsync("/v1/metadata-schemas", Schema("campaign"))).Expect(HttpStatusCode.OK);

        var voucher = Bodies.AmountVoucher("META", 100);
        voucher["metadata"] = Tier("bronze");
        (await host.Server.PostAsync("/v1/vouchers", voucher)).ExpectError(HttpStatusCode.BadRequest, "metadata_validation_failed");
        (await host.Server.GetJsonAsync("/v1/vouchers/META")).ExpectError(HttpStatusCode.NotFound, "not_found");
        voucher["metadata"] = Tier("gold");
        (await host.Server.PostAsync("/v1/vouchers", voucher)).Expect(HttpStatusCode.OK);
        (await host.Server.PutAsync("/v1/vouchers/META", new JsonObject { ["metadata"] = new JsonObject() })).ExpectError(HttpStatusCode.BadRequest, "metadata_validation_failed");
        Assert.Equal("gold", (await host.Server.GetJsonAsync("/v1/vouchers/META")).Str("metadata.tier"));

        var campaign = Bodies.Campaign("Meta campaign", 1);
        campaign["metadata"] = Tier("bronze");
        (await host.Server.PostAsync("/v1/campaigns", campaign)).ExpectError(HttpStatusCode.BadRequest, "metadata_validation_failed");
        (await host.Server.GetJsonAsync("/v1/campaigns/Meta campaign")).ExpectError(HttpStatusCode.NotFound, "not_found");
        campaign["metadata"] = Tier("silver");
        campaign["voucher"]!["metadata"] = Tier("bronze");
        (await host.Server.PostAsync("/v1/campaigns", campaign)).ExpectError(HttpStatusCode.BadRequest, "metadata_validation_failed");
        (await host.Server.GetJsonAsync("/v1/campaigns/Meta campaign")).ExpectError(HttpStatusCode.NotFound, "not_found");
        campaign["voucher"]!["metadata"] = Tier("gold");
        (await host.Server.PostAsync("/v1/campaigns", campaign)).Expect(HttpStatusCode.OK);
        Assert.Equal("gold", (await host.Server.GetJsonAsync("/v1/vouchers?campaign=Meta campaign")).Json["vouchers"]![0]!["metadata"]!["tier"]!.GetValue<string>());
        (await host.Server.PutAsync("/v1/campaigns/Meta campaign", new JsonObject { ["metadata"] = Tier("x") })).ExpectError(HttpStatusCode.BadRequest, "metadata_validation_failed");
        Assert.Equal("silver", (await host.Server.GetJsonAsync("/v1/campaigns/Meta campaign")).Str("metadata.tier"));
    }

    [Fact]
    public async Task A_redemption_whose_customer_breaks_the_schema_takes_no_use()
    {
        (await host.Server.PostAsync("/v1/metadata-schemas", Schema("customer"))).Expect(HttpStatusCode.OK);
        (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("ONCE", 100, quantity: 1))).Expect(HttpStatusCode.OK);
        var body = Bodies.Order(1000);
        body["customer"] = new JsonObject { ["source_id"] = "dave", ["metadata"] = Tier("bronze") };
        (await host.Server.PostAsync("/v1/vouchers/ONCE/redemption", body)).ExpectError(HttpStatusCode.BadRequest, "metadata_validation_failed");

        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/vouchers/ONCE")).Long("redemption.redeemed_quantity"));
        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/customers")).Long("total"));
        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/redemptions")).Long("total"));
        body["customer"]!["metadata"] = Tier("gold");
        (await host.Server.PostAsync("/v1/vouchers/ONCE/redemption", body)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_schema_created_or_deleted_after_redemptions_without_one_binds_the_next_redemption()
    {
        // The redemptions before the schema exists find it missing, and the store remembers that it is missing.
        (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("MANY", 100))).Expect(HttpStatusCode.OK);
        var bare = Bodies.Order(1000);
        (await host.Server.PostAsync("/v1/vouchers/MANY/redemption", bare)).Expect(HttpStatusCode.OK);
        (await host.Server.PostAsync("/v1/vouchers/MANY/redemption", bare)).Expect(HttpStatusCode.OK);

        (await host.Server.PostAsync("/v1/metadata-schemas", Schema("redemption"))).Expect(HttpStatusCode.OK);
        (await host.Server.PostAsync("/v1/vouchers/MANY/redemption", bare)).ExpectError(HttpStatusCode.BadRequest, "metadata_validation_failed");
        var tagged = Bodies.Order(1000);
        tagged["metadata"] = Tier("gold");
        (await host.Server.PostAsync("/v1/vouchers/MANY/redemption", tagged)).Expect(HttpStatusCode.OK);

        (await host.Server.DeleteJsonAsync("/v1/metadata-schemas/redemption")).Expect(HttpStatusCode.NoContent);
        (await host.Server.PostAsync("/v1/vouchers/MANY/redemption", bare)).Expect(HttpStatusCode.OK);
        Assert.Equal(4, (await host.Server.GetJsonAsync("/v1/vouchers/MANY")).Long("redemption.redeemed_quantity"));
    }
}
