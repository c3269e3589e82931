using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.ValidationRules;

public sealed class ProductCollectionApiTests : HostedApiTest
{
    [Fact]
    public async Task Static_and_filtered_collections_list_their_products()
    {
        await Catalog.ProductAsync(host, "prod_a", "a", 500, new JsonObject { ["color"] = "red" });
        await Catalog.ProductAsync(host, "prod_b", "b", 1500, new JsonObject { ["color"] = "red" });
        await Catalog.ProductAsync(host, "prod_c", "c", 2500, new JsonObject { ["color"] = "blue" });
        await Catalog.SkuAsync(host, "sku_c1", "c1", "prod_c", 2500);

        var listed = (await host.Server.PostAsync("/v1/product-collections", JsonNode.Parse("""{"name": "Picked", "type": "STATIC", "products": [{"id": "prod_a", "object": "product"}, {"id": "sku_c1", "object": "sku", "product_id": "prod_c"}]}"""))).Expect(HttpStatusCode.OK);
        var filtered = (await host.Server.PostAsync("/v1/product-collections", JsonNode.Parse("""{"name": "Red over 10", "type": "AUTO_UPDATE", "filter": {"junction": "and", "metadata.color": {"conditions": {"$is": ["red"]}}, "price": {"conditions": {"$more_than": [1000]}}}}"""))).Expect(HttpStatusCode.OK);
        var either = (await host.Server.PostAsync("/v1/product-collections", JsonNode.Parse("""{"name": "Blue or cheap", "type": "AUTO_UPDATE", "filter": {"junction": "or", "metadata.color": {"conditions": {"$is": ["blue"]}}, "price": {"conditions": {"$less_than": [1000]}}}}"""))).Expect(HttpStatusCode.OK);

        Assert.Equal("products_collection", listed.Str("object"));
        var staticProducts = (await host.Server.GetJsonAsync($"/v1/product-collections/{listed.Str("id")}/products")).Expect(HttpStatusCode.OK);
        Assert.Equal(["prod_a", "sku_c1"], staticProducts.Json["data"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToArray());
        var red = (await host.Server.GetJsonAsync($"/v1/product-collections/{filtered.Str("id")}/products")).Expect(HttpStatusCode.OK);
        Assert.Equal(["prod_b"], red.Json["data"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToArray());
        var blueOrCheap = (await host.Server.GetJsonAsync($"/v1/product-collections/{either.Str("id")}/products")).Expect(HttpStatusCode.OK);
        Assert.Equal(["prod_a", "prod_c"], blueOrCheap.Json["data"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order().ToArray());
        Assert.Equal(3, (await host.Server.GetJsonAsync("/v1/product-collections")).Long("total"));

        (await host.Server.DeleteJsonAsync($"/v1/product-collections/{listed.Str("id")}")).Expect(HttpStatusCode.NoContent);
        (await host.Server.GetJsonAsync($"/v1/product-collections/{listed.Str("id")}")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("""{"type": "STATIC", "products": []}""", "invalid_payload")]
    [InlineData("""{"name": "x", "type": "DYNAMIC"}""", "invalid_payload")]
    [InlineData("""{"name": "x", "type": "AUTO_UPDATE", "filter": {"junction": "xor"}}""", "invalid_validation_rules")]
    [InlineData("""{"name": "x", "type": "AUTO_UPDATE", "filter": {"price": {"conditions": {"$near": [1]}}}}""", "invalid_validation_rules")]
    [InlineData("""{"name": "x", "type": "STATIC", "products": [{"object": "bundle", "id": "b"}]}""", "invalid_payload")]
    public async Task A_collection_that_cannot_be_evaluated_is_a_400(string body, string key) =>
        (await host.Server.PostAsync("/v1/product-collections", JsonNode.Parse(body))).ExpectError(HttpStatusCode.BadRequest, key);
}
