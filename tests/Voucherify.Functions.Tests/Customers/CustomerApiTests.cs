using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Customers;

/// <summary>/v1/customers through the real pipeline: upsert by id and source_id, partial update, delete, lists.</summary>
public sealed class CustomerApiTests : HostedApiTest
{
    [Fact]
    public async Task Posting_a_known_source_id_updates_that_customer_instead_of_creating_another()
    {
        var created = (await host.Server.PostAsync("/v1/customers", new JsonObject
        {
            ["source_id"] = "alice@shop",
            ["name"] = "Alice",
            ["email"] = "alice@example.com",
            ["address"] = new JsonObject { ["city"] = "Warsaw", ["line_1"] = "Main 1" },
            ["metadata"] = new JsonObject { ["tier"] = "gold" },
        })).Expect(HttpStatusCode.OK);
        var id = created.Str("id");
        Assert.StartsWith("cust_", id);
        Assert.Equal("customer", created.Str("object"));
        Assert.Equal("Main 1", created.Str("address.line_1"));
        Assert.Equal(0, created.Long("summary.redemptions.total_redeemed"));
        Assert.NotNull(created.Node("created_at"));

        var again = (await host.Server.PostAsync("/v1/customers", new JsonObject { ["source_id"] = "alice@shop", ["phone"] = "+48 1" })).Expect(HttpStatusCode.OK);
        Assert.Equal(id, again.Str("id"));
        Assert.Equal("Alice", again.Str("name"));
        Assert.Equal("+48 1", again.Str("phone"));

        var bySource = (await host.Server.GetJsonAsync("/v1/customers/alice@shop")).Expect(HttpStatusCode.OK);
        Assert.Equal(id, bySource.Str("id"));
        Assert.Equal("gold", bySource.Str("metadata.tier"));
        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/customers")).Expect(HttpStatusCode.OK).Long("total"));
    }

    [Fact]
    public async Task Put_changes_only_the_fields_sent_and_delete_frees_the_source_id()
    {
        var id = (await host.Server.PostAsync("/v1/customers", new JsonObject { ["source_id"] = "bob", ["name"] = "Bob", ["email"] = "bob@example.com" })).Expect(HttpStatusCode.OK).Str("id");
        var updated = (await host.Server.PutAsync($"/v1/customers/{id}", new JsonObject { ["email"] = "new@example.com", ["source_id"] = "ignored" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Bob", updated.Str("name"));
        Assert.Equal("new@example.com", updated.Str("email"));
        Assert.Equal("bob", updated.Str("source_id"));

        (await host.Server.DeleteJsonAsync("/v1/customers/bob")).Expect(HttpStatusCode.NoContent);
        (await host.Server.GetJsonAsync($"/v1/customers/{id}")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await host.Server.GetJsonAsync("/v1/customers/bob")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await host.Server.DeleteJsonAsync("/v1/customers/bob")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await host.Server.PutAsync("/v1/customers/bob", new JsonObject { ["name"] = "x" })).ExpectError(HttpStatusCode.NotFound, "not_found");

        var fresh = (await host.Server.PostAsync("/v1/customers", new JsonObject { ["source_id"] = "bob" })).Expect(HttpStatusCode.OK);
        Assert.NotEqual(id, fresh.Str("id"));
    }

    [Fact]
    public async Task Lists_filter_by_email_city_and_name_and_page_with_has_more()
    {
        for (var i = 0; i < 5; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            (await host.Server.PostAsync("/v1/customers", new JsonObject
            {
                ["source_id"] = $"c{i}",
                ["name"] = i % 2 == 0 ? "Even" : "Odd",
                ["email"] = $"c{i}@example.com",
                ["address"] = new JsonObject { ["city"] = i < 2 ? "Oslo" : "Rome" },
            })).Expect(HttpStatusCode.OK);
        }

        var page = (await host.Server.GetJsonAsync("/v1/customers?limit=2&page=1")).Expect(HttpStatusCode.OK);
        Assert.Equal("customers", page.Str("data_ref"));
        Assert.Equal(["c4", "c3"], page.Node("customers")!.AsArray().Select(c => c!["source_id"]!.GetValue<string>()));
        Assert.True(page.Node("has_more")!.GetValue<bool>());
        var last = (await host.Server.GetJsonAsync("/v1/customers?limit=2&page=3")).Expect(HttpStatusCode.OK);
        Assert.False(last.Node("has_more")!.GetValue<bool>());
        Assert.Equal("c0", last.Str("customers.0.source_id"));

        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/customers?email=c3@example.com")).Long("total"));
        Assert.Equal(2, (await host.Server.GetJsonAsync("/v1/customers?city=Oslo")).Long("total"));
        Assert.Equal(3, (await host.Server.GetJsonAsync("/v1/customers?name=Even")).Long("total"));
        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/customers?segment_id=seg_1")).Long("total"));
        var ascending = (await host.Server.GetJsonAsync("/v1/customers?order=source_id&limit=1")).Expect(HttpStatusCode.OK);
        Assert.Equal("c0", ascending.Str("customers.0.source_id"));
        (await host.Server.GetJsonAsync("/v1/customers?order=email")).ExpectError(HttpStatusCode.BadRequest, "invalid_query_params");
        Assert.Equal(0, (await host.OtherProject.GetJsonAsync("/v1/customers")).Expect(HttpStatusCode.OK).Long("total"));
        (await host.OtherProject.GetJsonAsync("/v1/customers/c1")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Bad_fields_are_400_and_write_nothing()
    {
        (await host.Server.PostAsync("/v1/customers", new JsonObject { ["source_id"] = "x", ["birthdate"] = "01/02/2000" })).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");
        (await host.Server.PostAsync("/v1/customers", new JsonObject { ["source_id"] = "x", ["email"] = 5 })).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");
        (await host.Server.PostAsync("/v1/customers", new JsonObject { ["source_id"] = "x", ["metadata"] = "flat" })).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");
        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/customers")).Long("total"));
        (await host.Server.GetJsonAsync("/v1/customers/x")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Concurrent_upserts_of_one_new_source_id_leave_one_customer()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            host.Server.PostAsync("/v1/customers", new JsonObject { ["source_id"] = "racer", ["metadata"] = new JsonObject { ["n"] = i } })));
        Assert.All(replies, r => r.Expect(HttpStatusCode.OK));
        Assert.Single(replies.Select(r => r.Str("id")).Distinct());
        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/customers")).Long("total"));
    }
}
