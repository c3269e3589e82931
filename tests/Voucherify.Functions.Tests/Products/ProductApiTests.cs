using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Products;

/// <summary>/v1/products and their SKUs through the real pipeline.</summary>
public sealed class ProductApiTests : HostedApiTest
{
    [Fact]
    public async Task A_product_is_upserted_by_source_id_and_shows_its_skus()
    {
        var product = (await host.Server.PostAsync("/v1/products", new JsonObject
        {
            ["source_id"] = "shirt",
            ["name"] = "Shirt",
            ["price"] = 2000,
            ["attributes"] = new JsonArray("color", "size"),
            ["metadata"] = new JsonObject { ["brand"] = "acme" },
            ["image_url"] = "https://img.example.com/shirt.png",
        })).Expect(HttpStatusCode.OK);
        var id = product.Str("id");
        Assert.StartsWith("prod_", id);
        Assert.Equal("product", product.Str("object"));
        Assert.Equal(0, product.Long("skus.total"));

        var again = (await host.Server.PostAsync("/v1/products", new JsonObject { ["source_id"] = "shirt", ["price"] = 2500 })).Expect(HttpStatusCode.OK);
        Assert.Equal(id, again.Str("id"));
        Assert.Equal("Shirt", again.Str("name"));
        Assert.Equal(2500, again.Long("price"));

        var sku = (await host.Server.PostAsync("/v1/products/shirt/skus", new JsonObject
        {
            ["source_id"] = "shirt-red-l",
            ["sku"] = "Red L",
            ["price"] = 2600,
            ["attributes"] = new JsonObject { ["color"] = "red", ["size"] = "L" },
        })).Expect(HttpStatusCode.OK);
        Assert.StartsWith("sku_", sku.Str("id"));
        Assert.Equal(id, sku.Str("product_id"));
        Assert.Equal("sku", sku.Str("object"));

        var shown = (await host.Server.GetJsonAsync($"/v1/products/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, shown.Long("skus.total"));
        Assert.Equal("Red L", shown.Str("skus.data.0.sku"));
        Assert.Equal(sku.Str("id"), (await host.Server.GetJsonAsync("/v1/skus/shirt-red-l")).Expect(HttpStatusCode.OK).Str("id"));
        var list = (await host.Server.GetJsonAsync("/v1/products/shirt/skus")).Expect(HttpStatusCode.OK);
        Assert.Equal("skus", list.Str("data_ref"));
        Assert.Equal(1, list.Long("total"));

        var updated = (await host.Server.PutAsync($"/v1/products/{id}/skus/shirt-red-l", new JsonObject { ["price"] = 2700 })).Expect(HttpStatusCode.OK);
        Assert.Equal(2700, updated.Long("price"));
        Assert.Equal("Red L", updated.Str("sku"));
    }

    [Fact]
    public async Task Deleting_a_product_deletes_its_skus()
    {
        var id = (await host.Server.PostAsync("/v1/products", new JsonObject { ["name"] = "Mug" })).Expect(HttpStatusCode.OK).Str("id");
        var other = (await host.Server.PostAsync("/v1/products", new JsonObject { ["name"] = "Cup" })).Expect(HttpStatusCode.OK).Str("id");
        var skuIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            skuIds.Add((await host.Server.PostAsync($"/v1/products/{id}/skus", new JsonObject { ["source_id"] = $"mug-{i}" })).Expect(HttpStatusCode.OK).Str("id"));
        }

        var kept = (await host.Server.PostAsync($"/v1/products/{other}/skus", new JsonObject { ["sku"] = "cup" })).Expect(HttpStatusCode.OK).Str("id");
        (await host.Server.DeleteJsonAsync($"/v1/products/{other}/skus/{skuIds[0]}")).ExpectError(HttpStatusCode.NotFound, "not_found");

        (await host.Server.DeleteJsonAsync($"/v1/products/{id}?force=true")).Expect(HttpStatusCode.NoContent);
        (await host.Server.GetJsonAsync($"/v1/products/{id}")).ExpectError(HttpStatusCode.NotFound, "not_found");
        foreach (var skuId in skuIds)
        {
            (await host.Server.GetJsonAsync($"/v1/skus/{skuId}")).ExpectError(HttpStatusCode.NotFound, "not_found");
        }

        (await host.Server.GetJsonAsync("/v1/skus/mug-1")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await host.Server.GetJsonAsync($"/v1/skus/{kept}")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/products")).Long("total"));
    }

    [Fact]
    public async Task Lists_page_and_sort_and_stay_in_their_project()
    {
        for (var i = 0; i < 3; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            (await host.Server.PostAsync("/v1/products", new JsonObject { ["source_id"] = $"p{i}" })).Expect(HttpStatusCode.OK);
        }

        var first = (await host.Server.GetJsonAsync("/v1/products?limit=2&order=created_at")).Expect(HttpStatusCode.OK);
        Assert.Equal("products", first.Str("data_ref"));
        Assert.Equal(3, first.Long("total"));
        Assert.Equal(["p0", "p1"], first.Node("products")!.AsArray().Select(p => p!["source_id"]!.GetValue<string>()));
        Assert.Equal("p2", (await host.Server.GetJsonAsync("/v1/products?limit=2&page=2&order=created_at")).Str("products.0.source_id"));
        (await host.Server.GetJsonAsync("/v1/products?order=name")).ExpectError(HttpStatusCode.BadRequest, "invalid_query_params");
        Assert.Equal(0, (await host.OtherProject.GetJsonAsync("/v1/products")).Long("total"));
        (await host.OtherProject.GetJsonAsync("/v1/products/p0")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Bad_prices_are_400_and_write_nothing()
    {
        (await host.Server.PostAsync("/v1/products", new JsonObject { ["source_id"] = "neg", ["price"] = -1 })).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");
        (await host.Server.PostAsync("/v1/products", new JsonObject { ["source_id"] = "frac", ["price"] = 10.5 })).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");
        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/products")).Long("total"));
        (await host.Server.PostAsync("/v1/products/nothing/skus", new JsonObject { ["sku"] = "x" })).ExpectError(HttpStatusCode.NotFound, "not_found");
    }
}
